package io.kadi.localstack.bench;

import java.util.Map;

/**
 * One pipeline step: authorizations offered at a fixed rate, and what came of the recorded ones.
 *
 * @param offeredRate requests due per second
 * @param seconds length of the recorded part of the step
 * @param scheduled recorded requests due (rate x seconds)
 * @param sent those sent; the rest were dropped
 * @param dropped due while {@code --max-in-flight} requests were already out, so never sent
 * @param late sent more than {@link #LATE_MILLIS} ms after their due time (the client fell behind; their latency
 *     still counts from the due time)
 * @param completed answered 200
 * @param errors answered otherwise, or not at all (connection failure, client timeout)
 * @param errorKinds errors by kind: {@code http_<status>}, or the exception's name
 * @param achievedRate answers 200 per second, from the start of the recorded part to the last of its answers
 * @param approved answers with {@code approved: true}
 * @param declined answers with {@code approved: false}
 * @param standIn answers given by the stand-in at the budget ({@code stand_in: true}, or declined with reason
 *     {@code timeout}): the pipeline missed its budget
 * @param declineReasons declined answers by {@code decline_reason}
 * @param latency of the answers 200, from each request's due time
 */
record StepResult(int offeredRate, double seconds, long scheduled, long sent, long dropped, long late, long completed,
    long errors, Map<String, Long> errorKinds, double achievedRate, long approved, long declined, long standIn,
    Map<String, Long> declineReasons, Latency latency) {

  static final int LATE_MILLIS = 10;
}
