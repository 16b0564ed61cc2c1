package cn.ogi.stats;

import cn.ogi.web.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against the test key pair, with an admin token unless it sets its own. */
@QuarkusTestResource(TestKeys.class)
public class TestAuthentication {}
