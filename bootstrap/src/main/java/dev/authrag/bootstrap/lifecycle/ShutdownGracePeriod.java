package dev.authrag.bootstrap.lifecycle;

import dev.authrag.bootstrap.settings.Setting;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.runtime.graceful.GracefulShutdownConfiguration;

import java.time.Duration;

/**
 * Gives Micronaut's graceful shutdown (on SIGTERM: stop accepting, let requests in flight finish, then stop) the
 * deployer's {@code SHUTDOWN_GRACE_PERIOD}. Created at start-up, so a malformed value stops it there rather than at
 * the first shutdown, which is when Micronaut would read its own property.
 */
@Context
final class ShutdownGracePeriod implements BeanCreatedEventListener<GracefulShutdownConfiguration> {

    static final String VARIABLE = "SHUTDOWN_GRACE_PERIOD";

    private final Duration gracePeriod;

    ShutdownGracePeriod(LifecycleSettings settings) {
        this.gracePeriod = Setting.duration(VARIABLE, settings.shutdownGracePeriod());
    }

    Duration gracePeriod() {
        return gracePeriod;
    }

    @Override
    public GracefulShutdownConfiguration onCreated(BeanCreatedEvent<GracefulShutdownConfiguration> event) {
        event.getBean().setGracePeriod(gracePeriod);
        return event.getBean();
    }
}
