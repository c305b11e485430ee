package io.hearth.audit;

/** Reading the trail: verification of the chain. */
public interface AuditTrail {

    ChainVerification verify();
}
