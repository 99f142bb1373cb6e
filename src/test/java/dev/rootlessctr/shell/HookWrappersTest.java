package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rootlessctr.lesson.Step;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hooks that wrap the host's (leftovers, the workshop room) pass on the question a step with
 * needs of its own asks: a wrapper left with the interface's default answers "nothing blocks", and
 * the shell then shows crun's step on a host where crun cannot start.
 */
class HookWrappersTest {

  @Test
  void everyWrapperPassesOnStepBlockers() throws NoSuchMethodException {
    for (Class<?> wrapper : List.of(LeftoverHooks.class, RoomWiring.class)) {
      Method own = wrapper.getMethod("stepBlockers", Step.class);
      assertEquals(wrapper, own.getDeclaringClass(), wrapper.getSimpleName());
    }
  }
}
