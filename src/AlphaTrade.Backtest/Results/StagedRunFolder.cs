using System.Globalization;
using System.Text;

namespace AlphaTrade.Backtest.Results;

/// <summary>
/// A run folder being written: files go to a hidden sibling folder, which <see cref="Commit"/> renames into place (an
/// existing folder of the same id is replaced), so a run folder is either complete or absent. Disposing without a
/// commit removes the staging folder. Files can be written on another thread while the caller prepares the rest
/// (<see cref="WriteInBackground"/>); <see cref="Commit"/> waits for them. UTF-8 without BOM.
/// </summary>
public sealed class StagedRunFolder : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly List<Task> _writes = [];
    private bool _done;

    private StagedRunFolder(string final, string staging)
    {
        FinalPath = final;
        StagingPath = staging;
    }

    /// <summary>Where the folder lands on commit.</summary>
    public string FinalPath { get; }

    /// <summary>The hidden folder the files are written to until the commit.</summary>
    public string StagingPath { get; }

    /// <summary>Starts the folder of <paramref name="runId"/> under <paramref name="resultsDirectory"/>.</summary>
    public static StagedRunFolder Begin(string resultsDirectory, string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resultsDirectory);
        ResultsWriter.ValidateRunId(runId);
        string root = Path.GetFullPath(resultsDirectory);
        Directory.CreateDirectory(root);
        string staging = Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $".{runId}.tmp-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}"));
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        return new StagedRunFolder(Path.Combine(root, runId), staging);
    }

    /// <summary>Writes text files (name, content) now.</summary>
    public void Write(IEnumerable<KeyValuePair<string, string>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        ObjectDisposedException.ThrowIf(_done, this);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(PathOf(name), text, Utf8);
        }
    }

    /// <summary>Writes text files on another thread; <see cref="Commit"/> waits for them and reports their errors.</summary>
    public void WriteInBackground(IReadOnlyList<KeyValuePair<string, string>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        ObjectDisposedException.ThrowIf(_done, this);
        foreach (var (name, _) in files)
        {
            CheckFileName(name);
        }

        var copy = files.ToArray();
        _writes.Add(Task.Run(() => Write(copy)));
    }

    /// <summary>The full path of <paramref name="name"/> in the staging folder (a plain file name).</summary>
    public string PathOf(string name)
    {
        CheckFileName(name);
        return Path.Combine(StagingPath, name);
    }

    /// <summary>Waits for the background writes, renames the folder into place and returns its full path.</summary>
    public string Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        Task.WaitAll(_writes); // throws the first write's error: the staging folder is then removed by Dispose
        if (Directory.Exists(FinalPath))
        {
            string old = FinalPath + ".old-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            Directory.Move(FinalPath, old);
            Directory.Move(StagingPath, FinalPath);
            Directory.Delete(old, recursive: true);
        }
        else
        {
            Directory.Move(StagingPath, FinalPath);
        }

        _done = true;
        return FinalPath;
    }

    /// <summary>Removes the staging folder unless the folder was committed.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        try
        {
            Task.WaitAll(_writes); // let background writes finish before their folder goes
        }
        catch (AggregateException)
        {
            // The run failed already (no commit); a write error adds nothing the caller can act on.
        }

        if (Directory.Exists(StagingPath))
        {
            Directory.Delete(StagingPath, recursive: true);
        }
    }

    private static void CheckFileName(string name)
    {
        if (name.Length == 0 || Path.GetFileName(name) != name)
        {
            throw new ArgumentException($"Run file name '{name}' must be a plain file name.", nameof(name));
        }
    }
}
