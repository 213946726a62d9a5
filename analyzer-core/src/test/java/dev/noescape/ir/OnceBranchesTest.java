package dev.noescape.ir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.OnceBranches.Sentinel;
import dev.noescape.ir.OnceBranches.Stored;
import org.junit.jupiter.api.Test;

/** Which stores keep a once-branch's guard off ({@link OnceBranches}). */
class OnceBranchesTest {
  @Test
  void aFlagIsTurnedOffOnlyByTrue() {
    assertTrue(OnceBranches.turnsOff(Sentinel.FALSE, Stored.TRUE));
    assertFalse(OnceBranches.turnsOff(Sentinel.FALSE, Stored.FALSE)); // false again
    assertFalse(OnceBranches.turnsOff(Sentinel.FALSE, Stored.COMPUTED)); // f = more(): may be false
    assertTrue(OnceBranches.keepsOff(Sentinel.FALSE, Stored.TRUE, false)); // f = true elsewhere in the loop
    assertFalse(OnceBranches.keepsOff(Sentinel.FALSE, Stored.FALSE, false)); // f = false: a reset
  }

  @Test
  void aFlagTestedTrueIsTurnedOffOnlyByFalse() {
    assertTrue(OnceBranches.turnsOff(Sentinel.TRUE, Stored.FALSE));
    assertFalse(OnceBranches.turnsOff(Sentinel.TRUE, Stored.TRUE));
    assertFalse(OnceBranches.turnsOff(Sentinel.TRUE, Stored.COMPUTED)); // first = i == 0
    assertTrue(OnceBranches.keepsOff(Sentinel.TRUE, Stored.FALSE, false));
    assertFalse(OnceBranches.keepsOff(Sentinel.TRUE, Stored.TRUE, false)); // first = true: a new group
  }

  @Test
  void aStoreAfterTheArmCountsOnlyWhenItIsAConstant() {
    assertTrue(OnceBranches.turnsOffAfter(Sentinel.TRUE, Stored.FALSE)); // if (first) …; first = false;
    assertTrue(OnceBranches.turnsOffAfter(Sentinel.FALSE, Stored.TRUE)); // if (!seen) …; seen = true;
    assertFalse(OnceBranches.turnsOffAfter(Sentinel.FALSE, Stored.FALSE)); // if (!first) sep(); first = false;
    assertFalse(OnceBranches.turnsOffAfter(Sentinel.NULL, Stored.COMPUTED)); // prev = item: a null item
    assertFalse(OnceBranches.turnsOffAfter(Sentinel.NUMBER, Stored.COMPUTED)); // last = values[i]
  }

  @Test
  void onlyAFlagTestedTrueMustBeALocal() {
    assertFalse(OnceBranches.fieldMayBeTested(Sentinel.TRUE)); // a signal another writer raises
    assertTrue(OnceBranches.fieldMayBeTested(Sentinel.FALSE));
    assertTrue(OnceBranches.fieldMayBeTested(Sentinel.NULL));
    assertTrue(OnceBranches.fieldMayBeTested(Sentinel.NUMBER));
  }

  @Test
  void aReferenceIsTurnedOffByAnythingButNull() {
    assertTrue(OnceBranches.turnsOff(Sentinel.NULL, Stored.COMPUTED));
    assertTrue(OnceBranches.turnsOff(Sentinel.NULL, Stored.CONSTANT)); // a string constant
    assertFalse(OnceBranches.turnsOff(Sentinel.NULL, Stored.NULL));
    assertTrue(OnceBranches.keepsOff(Sentinel.NULL, Stored.COMPUTED, false));
    assertFalse(OnceBranches.keepsOff(Sentinel.NULL, Stored.NULL, false));
  }

  @Test
  void aNumberIsTurnedOffByAComputedValueStoredOnlyInTheArm() {
    assertTrue(OnceBranches.turnsOff(Sentinel.NUMBER, Stored.COMPUTED));
    assertFalse(OnceBranches.turnsOff(Sentinel.NUMBER, Stored.CONSTANT)); // a state variable
    assertTrue(OnceBranches.keepsOff(Sentinel.NUMBER, Stored.COMPUTED, true));
    assertFalse(OnceBranches.keepsOff(Sentinel.NUMBER, Stored.COMPUTED, false)); // x-- elsewhere: a countdown
    assertFalse(OnceBranches.keepsOff(Sentinel.NUMBER, Stored.CONSTANT, false)); // x = 0.0: the sentinel again
  }
}
