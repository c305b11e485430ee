package io.hearth.audit.web;

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet. Written by hand because the quoting is three lines and no
 * CSV library neutralises formulas: a cell that starts with {@code = + - @}, a tab or a carriage return would run
 * as a formula in Excel or LibreOffice (OWASP "CSV injection"), so it gets a leading apostrophe.
 */
final class CsvCell {

    private CsvCell() {
    }

    static String of(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
