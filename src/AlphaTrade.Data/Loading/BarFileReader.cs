using System.IO.Compression;
using AlphaTrade.Core;
using AlphaTrade.Data.Storage;

namespace AlphaTrade.Data.Loading;

/// <summary>
/// Reads one per-symbol vendor bar file into a <see cref="LoadResult"/>. The format is sniffed from the content:
/// Parquet (<c>PAR1</c>), gzip-compressed text or plain delimited text (comma, semicolon, tab or pipe). Bars come
/// back in file order, neither sorted nor deduplicated (cleaning does that). Thread-safe: files can be read in
/// parallel.
/// </summary>
public static class BarFileReader
{
    /// <summary>
    /// Reads the file at <paramref name="path"/>. Symbol and bar size come from the file name (see
    /// <see cref="BarFileName"/>) unless <paramref name="options"/> gives them.
    /// </summary>
    /// <exception cref="InputException">The file is missing, empty or malformed (message: <c>file:line: problem</c>).</exception>
    public static LoadResult Read(string path, BarFileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= BarFileOptions.Default;
        var name = BarFileName.Parse(path);
        using var file = OpenRead(path);
        long length = file.Length;
        if (length == 0)
        {
            throw new InputException($"{path}: the file is empty; expected a header line and bar rows");
        }

        Span<byte> magic = stackalloc byte[4];
        int got = file.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        file.Position = 0;
        if (got == 4 && magic.SequenceEqual("PAR1"u8))
        {
            return BarParquet.Read(file, path, options);
        }

        if (got >= 2 && magic[0] == 0x1F && magic[1] == 0x8B)
        {
            long size = GzipDecompressedSize(file);
            using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            return CsvBarParser.Parse(gzip, path, name, options, size, "CSV, gzip");
        }

        return CsvBarParser.Parse(file, path, name, options, length, "CSV");
    }

    /// <summary>
    /// Reads delimited text from <paramref name="stream"/>; <paramref name="sourceName"/> stands for the file name
    /// (symbol, bar size, messages). A name ending in .gz is decompressed.
    /// </summary>
    /// <exception cref="InputException">The content is empty or malformed.</exception>
    public static LoadResult Read(Stream stream, string sourceName, BarFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        options ??= BarFileOptions.Default;
        var name = BarFileName.Parse(sourceName);
        long length = stream.CanSeek ? stream.Length - stream.Position : 0;
        if (name.IsGzip)
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            return CsvBarParser.Parse(gzip, sourceName, name, options, length * 6, "CSV, gzip");
        }

        return CsvBarParser.Parse(stream, sourceName, name, options, length, "CSV");
    }

    /// <summary>Opens a file for one sequential read, turning a missing file into an <see cref="InputException"/>.</summary>
    internal static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException($"{path}: no such file", ex);
        }
    }

    /// <summary>The decompressed size from the gzip trailer (ISIZE, modulo 4 GiB), or an estimate when implausible.</summary>
    private static long GzipDecompressedSize(FileStream file)
    {
        long length = file.Length;
        long estimate = length * 6;
        if (length < 18)
        {
            return estimate;
        }

        Span<byte> trailer = stackalloc byte[4];
        file.Position = length - 4;
        int got = file.ReadAtLeast(trailer, 4, throwOnEndOfStream: false);
        file.Position = 0;
        if (got != 4)
        {
            return estimate;
        }

        long size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        return size >= length ? size : estimate;
    }
}
