package io.hearth.identity.web;

import java.util.List;
import java.util.Map;

/**
 * Names a device from its User-Agent header in words a person recognises ("Firefox on Windows"). Written by hand:
 * the parsing libraries (ua-parser, Yauaa) carry large rule sets for detail a sessions list does not need.
 */
final class Devices {

    // order matters: Edge and Opera also say Chrome, Chrome also says Safari, Android also says Linux
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(Map.entry("Edg/", "Edge"), Map.entry("OPR/", "Opera"),
            Map.entry("Firefox/", "Firefox"), Map.entry("HeadlessChrome/", "Chrome (headless)"), Map.entry("Chrome/", "Chrome"),
            Map.entry("Safari/", "Safari"));
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(Map.entry("Windows", "Windows"), Map.entry("iPhone", "iPhone"),
            Map.entry("iPad", "iPad"), Map.entry("Mac OS X", "macOS"), Map.entry("Android", "Android"), Map.entry("CrOS", "ChromeOS"),
            Map.entry("Linux", "Linux"));

    private Devices() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        String browser = first(BROWSERS, userAgent);
        String system = first(SYSTEMS, userAgent);
        if (browser == null && system == null) {
            return "Other browser";
        }
        if (browser == null) {
            return "Browser on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }

    private static String first(List<Map.Entry<String, String>> names, String userAgent) {
        return names.stream().filter(name -> userAgent.contains(name.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
