package th.qaflow.organisation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import th.qaflow.QaFlowTest;

/**
 * The organisation tests run in the application context every test shares ({@link QaFlowTest});
 * each works in its own fictional district (codes from 2000 up), away from the demo district 1099.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QaFlowTest
public @interface OrganisationTest {}
