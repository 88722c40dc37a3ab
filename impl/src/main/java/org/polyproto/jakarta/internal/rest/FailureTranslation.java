package org.polyproto.jakarta.internal.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Around the module's resources only: anything unexpected becomes the contract's envelope
 * ({@link FailureAnswers}).
 */
@PolyprotoEndpoint
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class FailureTranslation {

    @Inject
    FailureAnswers answers;

    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception | LinkageError | StackOverflowError e) {
            throw answers.answer(e);
        }
    }
}
