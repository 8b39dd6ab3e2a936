package io.gxpflow.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code gxpflow.notifications.*}. */
@Configuration
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {}
