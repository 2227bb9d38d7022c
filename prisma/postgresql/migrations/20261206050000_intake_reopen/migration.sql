-- A rejection may be taken back (the suggestion waits again, undecided); an acceptance, which wrote
-- records citing the source, stays made, and a rejection becomes nothing but pending again.
DROP TRIGGER "IntakeSuggestion_decided_once" ON "IntakeSuggestion";
CREATE TRIGGER "IntakeSuggestion_decided_once" BEFORE UPDATE OF "state", "decidedAt", "recordType", "recordId" ON "IntakeSuggestion"
FOR EACH ROW WHEN (OLD."state" = 'accepted' OR (OLD."state" = 'rejected' AND (NEW."state" <> 'pending' OR NEW."decidedAt" IS NOT NULL OR NEW."recordType" IS NOT NULL OR NEW."recordId" IS NOT NULL)))
EXECUTE FUNCTION intake_immutable('decided');
