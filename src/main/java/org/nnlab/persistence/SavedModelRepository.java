package org.nnlab.persistence;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

/** Saved models, always looked up together with their owner. */
interface SavedModelRepository extends CrudRepository<SavedModel, String> {
    Optional<SavedModel> findByIdAndOwner(String id, String owner);

    @Modifying
    @Query("UPDATE saved_model SET name = :name WHERE id = :id AND owner = :owner")
    int rename(@Param("id") String id, @Param("owner") String owner, @Param("name") String name);

    @Modifying
    @Query("DELETE FROM saved_model WHERE id = :id AND owner = :owner")
    int deleteOwned(@Param("id") String id, @Param("owner") String owner);
}
