package org.autograd4j.autograd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * PyTorch's {@code @once_differentiable}: put it on a {@link Function} subclass (or on its {@code
 * backward} method) whose backward is not written with differentiable Tensor ops. Its backward then
 * runs without recording, and differentiating its result again fails with "trying to differentiate
 * twice a function that was marked with @once_differentiable".
 *
 * <pre>{@code
 * @OnceDifferentiable
 * class Square extends Function { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OnceDifferentiable {}
