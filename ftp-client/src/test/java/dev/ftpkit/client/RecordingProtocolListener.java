package dev.ftpkit.client;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Records the dialogue so tests can assert which commands were sent. */
final class RecordingProtocolListener implements ProtocolListener {
    final List<Command> commands = new CopyOnWriteArrayList<>();
    final List<Reply> replies = new CopyOnWriteArrayList<>();

    @Override
    public void commandSent(Command command) {
        commands.add(command);
    }

    @Override
    public void replyReceived(Reply reply) {
        replies.add(reply);
    }

    List<String> verbs() {
        return commands.stream().map(Command::verb).collect(Collectors.toList());
    }
}
