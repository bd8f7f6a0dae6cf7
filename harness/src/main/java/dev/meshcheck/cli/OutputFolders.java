package dev.meshcheck.cli;

import dev.meshcheck.scenario.BadInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The folders commands write their reports into, made before any work that would fill them. */
final class OutputFolders {
  private OutputFolders() {}

  /**
   * Creates {@code dir} (and its parents) and makes sure a file can be written there.
   *
   * @throws BadInputException naming {@code --out} and why, when the folder cannot be written
   */
  static Path create(Path dir) {
    try {
      Files.createDirectories(dir);
      // A folder that exists may still refuse files: find out now, not after a run.
      Files.delete(Files.createTempFile(dir, ".meshcheck-", ".probe"));
      return dir;
    } catch (IOException e) {
      throw BadInputException.option(
          "--out",
          "cannot write the report folder " + dir + ": " + why(dir, e) + "; choose another");
    }
  }

  private static String why(Path dir, IOException e) {
    for (Path on = dir.toAbsolutePath(); on != null; on = on.getParent()) {
      if (Files.exists(on)) {
        if (!Files.isDirectory(on)) {
          return on + " is a file, not a folder";
        }
        break;
      }
    }
    // EPERM is what root meets in an immutable folder (chattr +i): a permission too.
    if (e instanceof AccessDeniedException
        || (e instanceof FileSystemException fs
            && "Operation not permitted".equals(fs.getReason()))) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.toString();
  }
}
