package cn.ogi.reader;

/**
 * Where a table of the form was found in the source.
 *
 * @param section the section key ({@code activeDisclosure}, {@code applications}, {@code reviews})
 * @param page    the 1-based PDF page its first row is on, or null for other forms
 */
public record TablePlace(String section, Integer page) {}
