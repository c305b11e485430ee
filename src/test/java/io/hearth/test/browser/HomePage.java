package io.hearth.test.browser;

import org.openqa.selenium.By;

public final class HomePage {

    private final Browser browser;

    HomePage(Browser browser) {
        this.browser = browser;
    }

    public String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    public SignInPage signOut() {
        browser.driver().findElement(By.cssSelector("form[action$='/signout'] button")).click();
        return SignInPage.attached(browser);
    }
}
