package dev.roletrail.streams.federation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.detect.EventEvidence;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.state.StoreNames;

/**
 * Owns which providers and subjects federated into each role, and the new subjects that wait for the role's earlier
 * federations ({@link PendingSubject}). Input: federated assumptions keyed by role ARN
 * (repartitioned, since their principal is the subject, not the role). Output: alerts keyed by alert id.
 */
public final class FederatedSubjectProcessor implements Processor<String, Observation, String, Alert> {

    private static final int CAP = 1000;
    /** Subjects kept pending per role at most: those first seen earliest go first. */
    private static final int PENDING_CAP = 100;

    private final NewFederatedSubjectDetector detector;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, RoleFederation> store;

    public FederatedSubjectProcessor(NewFederatedSubjectDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.store = context.getStateStore(StoreNames.ROLE_FEDERATION);
    }

    @Override
    public void process(Record<String, Observation> record) {
        Observation observation = record.value();
        FederatedAssumption assumption = FederatedAssumption.from(observation).orElse(null);
        if (assumption == null) {
            return;
        }
        RoleFederation before = store.get(assumption.role());
        detector.evaluate(before, assumption, observation)
                .ifPresent(alert -> context.forward(new Record<>(alert.id(), alert, record.timestamp())));
        Instant at = observation.event().eventTime();
        RoleFederation after = (before == null
                ? RoleFederation.first(assumption.role(), at, assumption.provider(), assumption.subject())
                : before.with(assumption.provider(), assumption.subject(), at, CAP))
                .seenAt(assumption.provider(), assumption.subject(), EventEvidence.of(observation));
        Optional<PendingSubject> pending = detector.pendingWhileLearning(before, assumption, observation);
        if (pending.isPresent()) {
            after = after.withPending(pending.get(), PENDING_CAP);
        }
        List<PendingSubject> learned = detector.learnedPending(after);
        for (PendingSubject subject : learned) {
            Alert alert = detector.alert(after, subject);
            context.forward(new Record<>(alert.id(), alert, subject.firstAt().toEpochMilli()));
        }
        store.put(assumption.role(), after.withoutPending(learned, at.minus(detector.learningPeriod())));
    }
}
