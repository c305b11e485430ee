package io.hearth.test.browser;

import io.hearth.test.TestAccounts;
import org.openqa.selenium.By;

/** Signing the demo accounts in and out in the browser, with their public password and authenticator key. */
public final class DemoSignIn {

    /** Public: printed at start in demo mode and in the README. */
    public static final String PASSWORD = "harbor-lantern-quilt-42";
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private DemoSignIn() {
    }

    /** Both steps, the code typed from the authenticator app; ends on the home page. */
    public static HomePage as(Browser browser, String username) {
        TestAccounts.knowSecret(username, TOTP_SECRET);
        return SignInPage.open(browser).signIn(username, PASSWORD).enterCurrentCode(username);
    }

    public static void signOut(Browser browser) {
        browser.driver().findElement(By.cssSelector("form[action$='/signout'] button")).click();
        browser.waitFor(By.id("signin-heading"));
    }
}
