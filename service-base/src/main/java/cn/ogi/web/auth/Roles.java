package cn.ogi.web.auth;

import java.util.Set;

/** The roles a token may carry in its {@code roles} claim. */
public final class Roles {

    /** A municipal system: submits, validates and parses for agencies inside its jurisdiction. */
    public static final String SUBMITTER = "submitter";
    /** Reads reports and stats inside its jurisdiction, approves and reopens reports there. */
    public static final String SUPERVISOR = "supervisor";
    /** A dashboard: reads stats inside its jurisdiction, nothing else. */
    public static final String VIEWER = "viewer";
    /** The registry, rebuilds, everything. */
    public static final String ADMIN = "admin";
    /** Another service of the platform (intake delivering, stats following the feed). */
    public static final String SERVICE = "service";

    public static final Set<String> ALL = Set.of(SUBMITTER, SUPERVISOR, VIEWER, ADMIN, SERVICE);

    private Roles() {}
}
