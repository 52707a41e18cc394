package dev.roletrail.streams.rate;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.state.DecodedCache;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.time.DueIndex;
import dev.roletrail.streams.time.StreamTicks;

/**
 * Owns each principal's hourly AssumeRole* rate and its baseline (store {@code assumption-rates}) and asks the rate
 * detector about every call before counting it. Hours close when a later hour's first call arrives, not by
 * punctuation: an hour without calls changes nothing until the principal calls again, and then the gap is accounted
 * for at once. A principal that assumed nothing for the entity retention loses its rate: it learns a baseline anew.
 * Input: observations keyed by principal. Output: alerts keyed by alert id.
 */
public final class AssumptionRateProcessor implements Processor<String, Observation, String, Alert> {

    private final AssumptionRateAnomalyDetector detector;
    private final Duration retention;
    private ProcessorContext<String, Alert> context;
    private DecodedCache<AssumptionRate> rates;
    private DueIndex ratesDue;
    /** Stream time, run by the records ({@link StreamTicks}): a replay does it at the same points of the data. */
    private final StreamTicks ticks = new StreamTicks(DueIndex.RETENTION_CHECKS);

    /** @param retention how long after a principal's last assumption its rate is kept */
    public AssumptionRateProcessor(AssumptionRateAnomalyDetector detector, Duration retention) {
        this.detector = detector;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.rates = DecodedCache.of(context, StoreNames.ASSUMPTION_RATES);
        this.ratesDue = new DueIndex(context.getStateStore(StoreNames.TIMERS), StoreNames.ASSUMPTION_RATES,
                DueIndex.RETENTION_CHECKS);
    }

    private void forgetOldRates(long streamTime) {
        ratesDue.expireDue(Instant.ofEpochMilli(streamTime), rates::get, rate -> rate.hour().plus(retention),
                rates::delete);
    }

    @Override
    public void process(Record<String, Observation> record) {
        if (ticks.advance(record.timestamp())) {
            forgetOldRates(ticks.tick());
        }
        Observation observation = record.value();
        observation.assumeRoleCall().filter(call -> detector.counts(observation)).ifPresent(call -> {
            String principal = observation.principal().id();
            AssumptionRate before = rates.get(principal);
            detector.evaluate(before, observation)
                    .ifPresent(alert -> context.forward(new Record<>(alert.id(), alert, record.timestamp())));
            AssumptionRate after = detector.next(before, call);
            rates.put(principal, after);
            if (before == null) {
                ratesDue.add(principal, after.hour().plus(retention));
            }
        });
    }
}
