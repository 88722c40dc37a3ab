package org.polyproto.jakarta.it.traps;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The host's own resource with an unqualified {@code @PersistenceContext}: it must keep working. */
@Path("notes")
@RequestScoped
public class HostNoteResource {

    @PersistenceContext
    EntityManager em;

    @POST
    @Transactional
    @Produces(MediaType.TEXT_PLAIN)
    public String add(String text) {
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS host_note (id BIGINT PRIMARY KEY, body VARCHAR(200))")
                .executeUpdate();
        HostNote note = new HostNote();
        note.id = System.nanoTime();
        note.body = text;
        em.persist(note);
        return Long.toString(note.id);
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String count() {
        return Long.toString(em.createQuery("select count(n) from HostNote n", Long.class).getSingleResult());
    }
}
