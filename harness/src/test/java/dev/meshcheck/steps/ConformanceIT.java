package dev.meshcheck.steps;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every feature under {@code features/} against meshes of the backend named by the system
 * property {@code meshcheck.backend} (Failsafe passes it), writing Cucumber's html, message and
 * junit reports and the conformance report to {@code reports/conformance/}. Paths are relative to
 * the harness module, where Failsafe runs.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("../features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.meshcheck.steps")
@ConfigurationParameter(key = JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME, value = "long")
@ConfigurationParameter(
    key = PLUGIN_PROPERTY_NAME,
    value =
        "html:../reports/conformance/cucumber.html,"
            + " message:../reports/conformance/cucumber.ndjson,"
            + " junit:../reports/conformance/cucumber-junit.xml,"
            + " dev.meshcheck.report.ConformanceReportPlugin:../reports/conformance")
public class ConformanceIT {}
