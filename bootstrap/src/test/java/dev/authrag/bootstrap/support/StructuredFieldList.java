package dev.authrag.bootstrap.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict parser for the part of RFC 8941 (Structured Field Values) that the rate-limit fields use: a List of Items
 * whose bare items are Strings, Tokens or Integers, each with Parameters. Anything else is an error, so a test
 * using it fails on a malformed header instead of reading it loosely.
 */
public final class StructuredFieldList {

    /** One list member: its bare item (a String's content, a Token, or a Long) and its parameters in order. */
    public record Item(Object value, Map<String, Object> parameters) {

        public long integer(String parameter) {
            Object value = parameters.get(parameter);
            if (!(value instanceof Long number)) {
                throw new AssertionError("parameter " + parameter + " is not an integer: " + value);
            }
            return number;
        }
    }

    private final String input;
    private int position;

    private StructuredFieldList(String input) {
        this.input = input;
    }

    public static List<Item> parse(String field) {
        if (field == null) {
            throw new AssertionError("no field value");
        }
        StructuredFieldList parser = new StructuredFieldList(field);
        parser.skipSpaces();
        List<Item> items = new ArrayList<>();
        while (true) {
            items.add(parser.item());
            parser.skipOws();
            if (parser.atEnd()) {
                return items;
            }
            parser.expect(',');
            parser.skipOws();
            if (parser.atEnd()) {
                throw new AssertionError("trailing comma in " + field);
            }
        }
    }

    /** The items as a map from their bare item (policy names here) to the item. */
    public static Map<Object, Item> byValue(String field) {
        Map<Object, Item> items = new LinkedHashMap<>();
        for (Item item : parse(field)) {
            if (items.put(item.value(), item) != null) {
                throw new AssertionError("duplicate item " + item.value() + " in " + field);
            }
        }
        return items;
    }

    private Item item() {
        Object value = bareItem();
        Map<String, Object> parameters = new LinkedHashMap<>();
        while (!atEnd() && peek() == ';') {
            position++;
            skipSpaces();
            String key = key();
            Object parameter = Boolean.TRUE;
            if (!atEnd() && peek() == '=') {
                position++;
                parameter = bareItem();
            }
            parameters.put(key, parameter);
        }
        return new Item(value, parameters);
    }

    private Object bareItem() {
        if (atEnd()) {
            throw new AssertionError("missing item at " + position + " in " + input);
        }
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || Character.isDigit(c)) {
            return integer();
        }
        if (Character.isLetter(c) || c == '*') {
            return token();
        }
        throw new AssertionError("unexpected '" + c + "' at " + position + " in " + input);
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new AssertionError("unterminated string in " + input);
            }
            char c = input.charAt(position++);
            if (c == '\\') {
                char escaped = atEnd() ? 0 : input.charAt(position++);
                if (escaped != '"' && escaped != '\\') {
                    throw new AssertionError("bad escape in " + input);
                }
                value.append(escaped);
            } else if (c == '"') {
                return value.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw new AssertionError("bad character in string in " + input);
            } else {
                value.append(c);
            }
        }
    }

    private Long integer() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        while (!atEnd() && Character.isDigit(peek())) {
            position++;
        }
        String digits = input.substring(start, position);
        if (digits.isEmpty() || digits.equals("-") || digits.replace("-", "").length() > 15) {
            throw new AssertionError("bad integer '" + digits + "' in " + input);
        }
        if (!atEnd() && peek() == '.') {
            throw new AssertionError("decimals are not expected in " + input);
        }
        return Long.parseLong(digits);
    }

    private String token() {
        int start = position;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || ":/!#$%&'*+-.^_`|~".indexOf(peek()) >= 0)) {
            position++;
        }
        return input.substring(start, position);
    }

    private String key() {
        int start = position;
        if (atEnd() || !(Character.isLowerCase(peek()) || peek() == '*')) {
            throw new AssertionError("bad parameter key at " + position + " in " + input);
        }
        while (!atEnd() && (Character.isLowerCase(peek()) || Character.isDigit(peek()) || "_-.*".indexOf(peek()) >= 0)) {
            position++;
        }
        return input.substring(start, position);
    }

    private void expect(char c) {
        if (atEnd() || peek() != c) {
            throw new AssertionError("expected '" + c + "' at " + position + " in " + input);
        }
        position++;
    }

    private void skipOws() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            position++;
        }
    }

    private void skipSpaces() {
        while (!atEnd() && peek() == ' ') {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= input.length();
    }

    private char peek() {
        return input.charAt(position);
    }
}
