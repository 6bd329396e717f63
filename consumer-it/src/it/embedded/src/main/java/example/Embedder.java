package example;

import dev.drydock.embedded.Drydock;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.usecase.Registration;
import java.util.Optional;

/** A program that runs Drydock inside itself, compiled against drydock-embedded alone. */
public final class Embedder {
    private Embedder() {
    }

    /** Registers a user, logs in and creates an app, as the README's embedding example does. */
    public static App createApp(String name) {
        try (Drydock drydock = Drydock.inMemory().build()) {
            drydock.accounts().register(Optional.empty(), new Registration("ada", "correct horse", null, null, null));
            Caller ada = drydock.accounts().authenticate(drydock.accounts().login("ada", "correct horse"));
            return drydock.apps().create(ada, Optional.of(name));
        }
    }

    public static void main(String[] args) {
        System.out.println(createApp(args.length > 0 ? args[0] : "web-shop"));
    }
}
