package dev.roletrail.streams.profile;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.state.StoreNames;

/**
 * Owns each role's recent assumers, and gives {@code first-time-assumption}'s peer verdict: a candidate alert goes on
 * unless enough of the assumer's peers assumed the role within the peer window. The role's state is read before the
 * report is added, so an assumer is never its own peer. Input: assumer reports keyed by role ARN (repartitioned, since
 * the assumers of one role are principals of every partition). Output: alerts keyed by alert id.
 */
public final class RoleAssumersProcessor implements Processor<String, AssumerReport, String, Alert> {

    private final FirstTimeAssumptionDetector detector;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, RoleAssumers> store;

    public RoleAssumersProcessor(FirstTimeAssumptionDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.store = context.getStateStore(StoreNames.ROLE_ASSUMERS);
    }

    @Override
    public void process(Record<String, AssumerReport> record) {
        AssumerReport report = record.value();
        RoleAssumers before = store.get(report.role());
        if (before == null) {
            before = RoleAssumers.NONE;
        }
        var since = report.at().minus(detector.peerWindow());
        if (report.candidate() != null) {
            detector.judgeByPeers(report.candidate(), report.peersMayExplain(),
                    before.peers(report.peerGroup(), report.assumer(), since, report.at()))
                    .ifPresent(alert -> context.forward(new Record<>(alert.id(), alert, record.timestamp())));
        }
        RoleAssumers after = before.seen(report.assumer(), report.peerGroup(), report.at(), since);
        if (after != before) {
            store.put(report.role(), after);
        }
    }
}
