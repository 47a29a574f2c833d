package dev.authrag.application.audit;

class InMemoryAuditTrailTest extends AuditTrailContract {

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();

    @Override
    protected AuditTrail trail() {
        return trail;
    }
}
