namespace AlphaTrade.Core.IO;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new one, never a partial file: the
/// bytes go to a temporary file in the same folder, which then replaces the target in one rename.
/// </summary>
public static class AtomicFile
{
    /// <summary>Suffix of temporary files (left only by a process killed mid-write).</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>Writes through <paramref name="write"/> to a temporary file, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..12] + TempSuffix);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: false);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes <paramref name="bytes"/> atomically.</summary>
    public static void Write(string path, ReadOnlyMemory<byte> bytes) => Write(path, s => s.Write(bytes.Span));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary file is harmless (hidden, never read).
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
