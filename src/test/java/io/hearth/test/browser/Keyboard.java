package io.hearth.test.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Drives a page with the keyboard only, as a person who cannot use a mouse would: Tab moves the focus (never a click),
 * Space or Enter operates what has it. Fails when the element cannot be reached by Tab.
 */
public final class Keyboard {

    private final Browser browser;

    public Keyboard(Browser browser) {
        this.browser = browser;
    }

    /** Presses Tab until the element has the focus. */
    public Keyboard tabTo(By target) {
        WebElement wanted = browser.driver().findElement(target);
        for (int presses = 0; presses < 400; presses++) {
            if (wanted.equals(browser.driver().switchTo().activeElement())) {
                return this;
            }
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("cannot reach " + target + " with the Tab key");
    }

    public Keyboard press(CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
        return this;
    }

    public Keyboard type(String text) {
        return press(text);
    }
}
