package dev.roletrail.streams.alert;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import dev.roletrail.schemas.alert.Alert;

/**
 * The detectors' alerts keyed by {@link Alert#suppressionKey()}, on their way to the suppression step, with a commit
 * asked for soon after a live one ({@link CommitPrompt}) so that it need not wait for the commit interval to be read
 * there.
 */
public final class KeyBySuppression implements Processor<String, Alert, String, Alert> {

    private final CommitPrompt prompt = new CommitPrompt();
    private ProcessorContext<String, Alert> context;

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        prompt.init(context);
    }

    @Override
    public void process(Record<String, Alert> record) {
        context.forward(record.withKey(record.value().suppressionKey()));
        prompt.alerted(record.timestamp());
    }
}
