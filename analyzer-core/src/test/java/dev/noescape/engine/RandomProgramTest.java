package dev.noescape.engine;

import static dev.noescape.engine.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random programs (fixed seeds): the engine terminates, is deterministic, and never calls an
 * object local when a statement of its method plainly lets it out.
 */
class RandomProgramTest {
  private static final FieldRef[] FIELDS = {
    field("a.N", "f"), field("a.N", "g"), FieldRef.ARRAY_ELEMENT, FieldRef.CONTENT
  };

  private static Program randomProgram(long seed) {
    Random rnd = new Random(seed);
    int methods = 6 + rnd.nextInt(6);
    List<MethodRef> refs = new ArrayList<>();
    for (int m = 0; m < methods; m++) refs.add(stat("a.P", "m" + m, OBJ, OBJ));
    List<MethodIR> out = new ArrayList<>();
    for (int m = 0; m < methods; m++) {
      MethodIRBuilder b = method(refs.get(m));
      List<Var> vars = new ArrayList<>();
      vars.add(b.param("p", OBJ, at(1)));
      vars.add(b.param("q", OBJ, at(1)));
      for (int i = 0; i < 5; i++) vars.add(b.local("v" + i, OBJ));
      int n = 8 + rnd.nextInt(12);
      for (int k = 0; k < n; k++) {
        Var x = vars.get(rnd.nextInt(vars.size()));
        Var y = vars.get(rnd.nextInt(vars.size()));
        FieldRef f = FIELDS[rnd.nextInt(FIELDS.length)];
        int line = 2 + k;
        switch (rnd.nextInt(11)) {
          case 0, 1 -> newObj(b, vars.get(2 + rnd.nextInt(5)), "a.N", line);
          case 2 -> b.copy(vars.get(2 + rnd.nextInt(5)), y, at(line));
          case 3 -> b.load(vars.get(2 + rnd.nextInt(5)), y, f, at(line));
          case 4, 5 -> b.store(x, f, y, at(line));
          case 6 -> b.staticStore(staticField("a.P", "S"), y, at(line));
          case 7 -> b.staticLoad(vars.get(2 + rnd.nextInt(5)), staticField("a.P", "S"), at(line));
          case 8 -> b.call(rnd.nextBoolean() ? vars.get(2 + rnd.nextInt(5)) : null, refs.get(rnd.nextInt(methods)),
              List.of(x, y), List.of(), rnd.nextInt(8) == 0, List.of(), at(line));
          case 9 -> {
            if (rnd.nextBoolean()) b.call(null, LIST_ADD, List.of(x, y), at(line));
            else b.call(null, HASH, List.of(x), at(line));
          }
          default -> b.ret(y, at(line));
        }
      }
      out.add(b.build());
    }
    return new Program(out);
  }

  @Test
  void randomProgramsAreSoundOnDirectCausesAndDeterministic() {
    int checked = 0;
    for (long seed = 1; seed <= 300; seed++) {
      Program p = randomProgram(seed);
      AnalysisResult r1 = new EscapeAnalysis(jdk()).analyze(p);
      AnalysisResult r2 = new EscapeAnalysis(jdk()).analyze(p);
      assertEquals(r1, r2, "seed " + seed);
      for (MethodResult m : r1.methods()) {
        for (Stmt s : m.method().stmts()) {
          Var v = null;
          if (s instanceof Stmt.Return ret) v = ret.value();
          else if (s instanceof Stmt.StaticStore st) v = st.value();
          else if (s instanceof Stmt.Store st && st.base().isParam()) v = st.value();
          if (v == null) continue;
          for (int id : m.sitesOf(v)) {
            AllocSite site = m.method().site(id);
            assertEquals(EscapeState.GLOBAL_ESCAPE, m.site(site).state(), "seed " + seed + " " + m.method().ref() + " site " + id);
            assertFalse(m.site(site).chain().isEmpty());
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 300, "checked " + checked);
  }
}
