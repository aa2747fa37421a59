package io.kadi.localstack.bench;

/**
 * The transport floor: records of the pipeline's sizes through two sequential Kafka hops on the stack's broker.
 *
 * @param offeredRate records sent per second
 * @param seconds length of the recorded part
 * @param requestBytes size of each record of the first hop (as an AuthorizationRequested)
 * @param resultBytes size of each record of the second hop (as the larger of LimitsEvaluated and RiskAssessed)
 * @param sent recorded records sent
 * @param received those that came out of the second hop
 * @param lost sent but never received (a send failed, or the record did not arrive within the drain time)
 * @param achievedRate records received per second, from the start of the recorded part to the last arrival
 * @param latency from each record's due time to its arrival out of the second hop
 */
record FloorResult(int offeredRate, double seconds, int requestBytes, int resultBytes, long sent, long received, long lost,
    double achievedRate, Latency latency) {}
