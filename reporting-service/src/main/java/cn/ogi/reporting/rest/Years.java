package cn.ogi.reporting.rest;

import cn.ogi.web.ProblemException;

final class Years {

    static final int FIRST = 2000;
    static final int LAST = 2100;

    private Years() {}

    static int check(String parameter, int year) {
        if (year < FIRST || year > LAST) {
            throw ProblemException.badRequest(
                    "invalid-parameters",
                    "Parameter '" + parameter + "' must be a year between " + FIRST + " and " + LAST + ", got " + year);
        }
        return year;
    }
}
