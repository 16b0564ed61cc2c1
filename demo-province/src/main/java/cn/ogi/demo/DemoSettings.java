package cn.ogi.demo;

/**
 * The size and shape of a demo province. {@link #standard()} loads in seconds; {@link #full()} is
 * the province of issue 5 (≈ 9,500 agencies).
 */
public record DemoSettings(long seed, int cities, int countiesPerCity, int departmentsPerGovernment,
        int provincialDepartments, int fromYear, int toYear, double missingRate) {

    public static DemoSettings standard() {
        return new DemoSettings(2024, 4, 3, 8, 20, 2019, 2024, 0.03);
    }

    public static DemoSettings full() {
        return new DemoSettings(2024, 16, 9, 58, 80, 2019, 2024, 0.03);
    }

    public static DemoSettings small() {
        return new DemoSettings(7, 2, 2, 3, 4, 2021, 2023, 0.1);
    }
}
