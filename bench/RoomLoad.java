import dev.rootlessctr.room.LearnerProgress;
import dev.rootlessctr.room.Publisher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated room for bench/room.sh: LEARNERS publishers (the shell's own Publisher class) each
 * finish a step every 2 to 6 s for SECONDS, while the real `rootless-ctr room ADDR` runs as a
 * child process; for every step, the time from publish() to the first table that shows it.
 *
 *   java -cp 'target/rootless-ctr.jar:target/lib/*' bench/RoomLoad.java ADDR LEARNERS SECONDS JAVA CLASSPATH
 */
public class RoomLoad {

  private static final Pattern ROW = Pattern.compile("^(learner-\\d+) .* s(\\d+)\\b");

  public static void main(String[] args) throws Exception {
    String address = args[0];
    int learners = Integer.parseInt(args[1]);
    long seconds = Long.parseLong(args[2]);
    Map<String, Long> publishedAt = new ConcurrentHashMap<>(); // "learner-07#12" -> nanoTime
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<String, Boolean> seen = new ConcurrentHashMap<>();
    List<Long> headers = Collections.synchronizedList(new ArrayList<>());

    Process room = new ProcessBuilder(args[3], "-cp", args[4], "dev.rootlessctr.Main", "room", address, "--every", "1")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(room.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          long now = System.nanoTime();
          if (line.startsWith("Room at ")) {
            headers.add(now);
          }
          Matcher m = ROW.matcher(line);
          if (m.find()) {
            String key = m.group(1) + "#" + m.group(2);
            Long at = publishedAt.get(key);
            if (at != null && seen.putIfAbsent(key, true) == null) {
              latencies.add((now - at) / 1_000_000);
            }
          }
        }
      } catch (java.io.IOException e) {
        // the room process ended
      }
    }, "room-reader");
    reader.setDaemon(true);
    reader.start();

    List<Publisher> publishers = new ArrayList<>();
    Random random = new Random(11);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long[] next = new long[learners];
    int[] step = new int[learners];
    for (int i = 0; i < learners; i++) {
      publishers.add(new Publisher(address, String.format("bench%012d", i)));
      next[i] = System.nanoTime() + random.nextInt(2000) * 1_000_000L;
    }
    int published = 0;
    while (System.nanoTime() < end) {
      long now = System.nanoTime();
      for (int i = 0; i < learners; i++) {
        if (now >= next[i]) {
          step[i]++;
          String name = String.format("learner-%02d", i + 1);
          Instant t = Instant.now();
          publishedAt.put(name + "#" + step[i], System.nanoTime());
          publishers.get(i).publish(new LearnerProgress(true, name, "rootless", 1 + step[i] / 3, "Lesson", 1 + step[i] % 3, 3,
              "s" + step[i], false, step[i], 100, t, t, Optional.empty(), 0));
          published++;
          next[i] = now + (2000 + random.nextInt(4000)) * 1_000_000L;
        }
      }
      Thread.sleep(20);
    }
    Thread.sleep(3000); // the last steps' tables
    room.destroy();
    publishers.forEach(Publisher::close);
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      System.out.println("no step reached the table: is the registry up?");
      System.exit(1);
    }
    List<Long> rounds = new ArrayList<>();
    for (int i = 1; i < headers.size(); i++) {
      rounds.add((headers.get(i) - headers.get(i - 1)) / 1_000_000);
    }
    Collections.sort(rounds);
    if (!rounds.isEmpty()) {
      System.out.printf("room: %d tables; time between tables (every 1 s asked; %d learners): median %d ms, p95 %d ms, max %d ms%n",
          headers.size(), learners, rounds.get(rounds.size() / 2), rounds.get((int) Math.ceil(rounds.size() * 0.95) - 1), rounds.get(rounds.size() - 1));
    }
    long within2s = sorted.stream().filter(l -> l <= 2000).count();
    System.out.printf("steps published: %d by %d learners in %d s; seen in the table: %d%n", published, learners, seconds, sorted.size());
    System.out.printf("step done -> table shows it: median %d ms, p95 %d ms, max %d ms; within 2 s: %d of %d (%.1f%%)%n",
        sorted.get(sorted.size() / 2), sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.95) - 1)),
        sorted.get(sorted.size() - 1), within2s, sorted.size(), 100.0 * within2s / sorted.size());
  }
}
