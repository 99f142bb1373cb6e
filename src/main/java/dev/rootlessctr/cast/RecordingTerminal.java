package dev.rootlessctr.cast;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jline.terminal.Terminal;
import org.jline.utils.Curses;
import org.jline.utils.InfoCmp;

/**
 * The real terminal, with everything written to it also recorded: its writer and output stream are
 * teed, and {@code puts} (the line editor's cursor moves) is written through the teed writer. Every
 * other call (attributes, size, signals, the key reader) goes to the real terminal as it is.
 */
public final class RecordingTerminal implements InvocationHandler {

  private final Terminal real;
  private final PrintWriter writer;
  private final OutputStream output;

  private RecordingTerminal(Terminal real, CastWriter cast) {
    this.real = real;
    this.writer = new PrintWriter(CastTee.writer(real.writer(), cast));
    this.output = CastTee.stream(real.output(), cast);
  }

  /** {@code real}, recorded into {@code cast}; it has every interface the real one has. */
  public static Terminal wrap(Terminal real, CastWriter cast) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (Class<?> c = real.getClass(); c != null; c = c.getSuperclass()) {
      collect(c, interfaces);
    }
    interfaces.add(Terminal.class);
    return (Terminal)
        Proxy.newProxyInstance(
            RecordingTerminal.class.getClassLoader(),
            interfaces.toArray(new Class<?>[0]),
            new RecordingTerminal(real, cast));
  }

  private static void collect(Class<?> c, Set<Class<?>> into) {
    for (Class<?> i : c.getInterfaces()) {
      if (java.lang.reflect.Modifier.isPublic(i.getModifiers()) && into.add(i)) {
        collect(i, into);
      }
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "writer":
        if (args == null) {
          return writer;
        }
        break;
      case "output":
        if (args == null) {
          return output;
        }
        break;
      case "puts":
        if (args != null && args.length == 2 && args[0] instanceof InfoCmp.Capability capability) {
          String text = real.getStringCapability(capability);
          if (text == null) {
            return false;
          }
          Curses.tputs(writer, text, (Object[]) args[1]);
          return true;
        }
        break;
      case "equals":
        return args != null && args.length == 1 && proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "recorded " + real;
      default:
        break;
    }
    try {
      return method.invoke(real, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
