package dev.roletrail.streams.rate;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.StoreNames;
import dev.roletrail.streams.state.DecodedCache;
import dev.roletrail.streams.detect.AssumptionRateAnomalyDetector;
import dev.roletrail.streams.identity.Observation;

/**
 * Owns each principal's hourly AssumeRole* rate and its baseline (store {@code assumption-rates}) and asks the rate
 * detector about every call before counting it. Hours close when a later hour's first call arrives, not by
 * punctuation: an hour without calls changes nothing until the principal calls again, and then the gap is accounted
 * for at once. Input: observations keyed by principal. Output: alerts keyed by alert id.
 */
public final class AssumptionRateProcessor implements Processor<String, Observation, String, Alert> {

    private final AssumptionRateAnomalyDetector detector;
    private ProcessorContext<String, Alert> context;
    private DecodedCache<AssumptionRate> rates;

    public AssumptionRateProcessor(AssumptionRateAnomalyDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.rates = DecodedCache.of(context, StoreNames.ASSUMPTION_RATES);
    }

    @Override
    public void process(Record<String, Observation> record) {
        Observation observation = record.value();
        observation.assumeRoleCall().ifPresent(call -> {
            String principal = observation.principal().id();
            AssumptionRate before = rates.get(principal);
            detector.evaluate(before, observation)
                    .ifPresent(alert -> context.forward(new Record<>(alert.id(), alert, record.timestamp())));
            rates.put(principal, detector.next(before, call));
        });
    }
}
