package org.nnlab.persistence;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@link ModelStore} on the embedded H2 database (in memory, migrated from empty when the context starts). */
@SpringBootTest
@ActiveProfiles("test")
class ModelStoreH2Test extends ModelStoreContract {
}
