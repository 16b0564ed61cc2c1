package cn.ogi.web;

/** A validated page request: page from 0, size from 1 to {@link #MAX_SIZE}. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** From the parameters as sent: a value that is not an integer is a 400 naming the parameter. */
    public static Paging of(String page, String size) {
        return of(Params.integer("page", page), Params.integer("size", size));
    }

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.badRequest("invalid-parameters", "Parameter 'page' must be 0 or more, got " + p);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.badRequest(
                    "invalid-parameters", "Parameter 'size' must be between 1 and " + MAX_SIZE + ", got " + s);
        }
        return new Paging(p, s);
    }

    public int offset() {
        return page * size;
    }
}
