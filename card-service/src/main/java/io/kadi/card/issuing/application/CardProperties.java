package io.kadi.card.issuing.application;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bin the program's bank identification number, 6 to 8 digits, that starts every PAN. The default, 999000,
 *     is a placeholder that no card network routes; set the BIN your sponsor bank assigned.
 * @param panLength digits of a PAN, 13 to 19
 * @param validity how long a new card is valid; it expires at the end of that month
 */
@ConfigurationProperties("kadi.card")
public record CardProperties(
    @DefaultValue("999000") String bin,
    @DefaultValue("16") int panLength,
    @DefaultValue("P3Y") Period validity) {}
