using AlphaTrade.Core;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;
using AlphaTrade.Data.Loading;
using AlphaTrade.Data.Storage;
using AlphaTrade.Data.Tests.Loading;
using Parquet;
using Parquet.Schema;

namespace AlphaTrade.Data.Tests.Storage;

public sealed class BarParquetTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static BarSeries RandomSeries(int n, bool extras, int seed)
    {
        var rng = new Random(seed);
        var s = new BarSeries("AAPL", TimeFrame.FifteenMinutes, n, extras, extras);
        long t = Utc.Ticks(2024, 1, 2, 14, 30);
        for (int i = 0; i < n; i++)
        {
            double Any() => rng.Next(20) switch
            {
                0 => double.NaN,
                1 => -0.0,
                2 => double.Epsilon,
                3 => BitConverter.Int64BitsToDouble(rng.NextInt64() & 0x7FEF_FFFF_FFFF_FFFF),
                _ => Math.Round(rng.NextDouble() * 500, 2),
            };

            s.Add(t + (i * TimeSpan.TicksPerMinute * 15), Any(), Any(), Any(), Any(), rng.Next(0, 1_000_000), Any(), rng.Next(0, 5000), (BarFlags)rng.Next(0, 16));
        }

        return s;
    }

    private static void AssertBitExact(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(actual[i]));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WriteRead_RoundTrip_BitExact(bool extras)
    {
        var s = RandomSeries(5000, extras, 42);
        string path = _dir.Combine("AAPL_15min.parquet");
        BarParquet.Write(s, path);
        var r = BarParquet.Read(path);
        var back = r.Series;
        Assert.Equal("AAPL", back.Symbol);
        Assert.Equal(TimeFrame.FifteenMinutes, back.TimeFrame);
        Assert.Equal(s.Count, back.Count);
        Assert.Equal(s.Time.ToArray(), back.Time.ToArray());
        AssertBitExact(s.Open, back.Open);
        AssertBitExact(s.High, back.High);
        AssertBitExact(s.Low, back.Low);
        AssertBitExact(s.Close, back.Close);
        AssertBitExact(s.Volume, back.Volume);
        Assert.Equal(extras, back.HasVwap);
        Assert.Equal(extras, back.HasTradeCount);
        AssertBitExact(s.Vwap, back.Vwap);
        AssertBitExact(s.TradeCount, back.TradeCount);
        Assert.Equal(s.Flags.ToArray(), back.Flags.ToArray());
        Assert.Equal(DataFingerprint.Of(s), DataFingerprint.Of(back));
        Assert.Equal("Parquet (AlphaTrade bars-v1); 15min bars (from metadata)", r.Format);
    }

    [Fact]
    public void WriteRead_EmptySeries_RoundTrips()
    {
        var s = new BarSeries("ZZ", TimeFrame.Daily);
        string path = _dir.Combine("ZZ.parquet");
        BarParquet.Write(s, path);
        var back = BarParquet.Read(path).Series;
        Assert.Equal(0, back.Count);
        Assert.Equal(TimeFrame.Daily, back.TimeFrame);
        Assert.Equal("ZZ", back.Symbol);
    }

    [Fact]
    public void Read_ThroughBarFileReader_SniffsParquet()
    {
        var s = RandomSeries(10, false, 1);
        string path = _dir.Combine("whatever.bin");
        BarParquet.Write(s, path);
        var back = BarFileReader.Read(path).Series;
        Assert.Equal(s.Time.ToArray(), back.Time.ToArray());
        Assert.Equal("AAPL", back.Symbol);
    }

    [Fact]
    public void Write_Success_LeavesNoTemporaryFile()
    {
        BarParquet.Write(RandomSeries(100, true, 3), _dir.Combine("A.parquet"));
        Assert.Equal(["A.parquet"], Directory.GetFiles(_dir.Path).Select(f => Path.GetFileName(f)!).ToArray());
    }

    private static async Task WriteVendorAsync(string path, ParquetSchema schema, params (DataField Field, Array Values)[] columns)
    {
        using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, file);
        using var group = writer.CreateRowGroup();
        foreach (var (field, values) in columns)
        {
            switch (values)
            {
                case DateTime[] v:
                    await group.WriteAsync(field, new ReadOnlyMemory<DateTime>(v));
                    break;
                case long[] v:
                    await group.WriteAsync(field, new ReadOnlyMemory<long>(v));
                    break;
                case double[] v:
                    await group.WriteAsync(field, new ReadOnlyMemory<double>(v));
                    break;
                case double?[] v:
                    await group.WriteAsync(field, new ReadOnlyMemory<double?>(v));
                    break;
                case float[] v:
                    await group.WriteAsync(field, new ReadOnlyMemory<float>(v));
                    break;
                case string[] v:
                    await group.WriteAsync(field, v);
                    break;
                default:
                    throw new NotSupportedException(values.GetType().Name);
            }
        }
    }

    [Fact]
    public async Task Read_VendorParquetWithUtcTimestampsAndMixedTypes_Maps()
    {
        string path = _dir.Combine("MSFT_5min.parquet");
        var ts = new DateTimeDataField("Timestamp", DateTimeFormat.Timestamp, isAdjustedToUTC: true);
        var open = new DataField<float>("Open");
        var high = new DataField<double>("HIGH");
        var low = new DataField<double>("low");
        var close = new DataField<double>("Close");
        var vol = new DataField<long>("Volume");
        var vwap = new DataField<double>("vwap");
        var schema = new ParquetSchema(ts, open, high, low, close, vol, vwap);
        await WriteVendorAsync(path, schema,
            (ts, new[] { new DateTime(2024, 7, 1, 13, 30, 0, DateTimeKind.Utc), new DateTime(2024, 7, 1, 13, 35, 0, DateTimeKind.Utc) }),
            (open, new[] { 1.5f, 2.25f }),
            (high, new[] { 2.0, 3.0 }),
            (low, new[] { 1.0, 2.0 }),
            (close, new[] { 1.75, 2.5 }),
            (vol, new[] { 100L, 200L }),
            (vwap, new[] { 1.6, 2.4 }));
        var r = BarParquet.Read(path);
        var s = r.Series;
        Assert.Equal("MSFT", s.Symbol);
        Assert.Equal(TimeFrame.FiveMinutes, s.TimeFrame);
        Assert.Equal([Utc.Ticks(2024, 7, 1, 13, 30), Utc.Ticks(2024, 7, 1, 13, 35)], s.Time.ToArray());
        Assert.Equal([1.5, 2.25], s.Open.ToArray());
        Assert.Equal([100d, 200d], s.Volume.ToArray());
        Assert.Equal([1.6, 2.4], s.Vwap.ToArray());
        Assert.False(s.HasTradeCount);
        Assert.Contains("Parquet timestamps in UTC", r.Format, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_VendorParquetWithEpochMillisAndEndLabels_Converts()
    {
        string path = _dir.Combine("QQQ_15min.parquet");
        var t = new DataField<long>("t");
        var o = new DataField<double>("o");
        var h = new DataField<double>("h");
        var l = new DataField<double>("l");
        var c = new DataField<double>("c");
        var v = new DataField<double>("v");
        await WriteVendorAsync(path, new ParquetSchema(t, o, h, l, c, v),
            (t, new[] { 1719841500000L }), (o, new[] { 1.0 }), (h, new[] { 1.0 }), (l, new[] { 1.0 }), (c, new[] { 1.0 }), (v, new[] { 5.0 }));
        var s = BarParquet.Read(path, new BarFileOptions { Label = BarLabel.End }).Series;
        Assert.Equal(Utc.Ticks(2024, 7, 1, 13, 30), s.Time[0]);
    }

    [Fact]
    public async Task Read_VendorParquetWithTextTimestampsAndNulls_PolicyApplies()
    {
        string path = _dir.Combine("IBM_15min.parquet");
        var t = new DataField<string>("datetime");
        var o = new DataField<double>("open");
        var h = new DataField<double>("high");
        var l = new DataField<double>("low");
        var c = new DataField<double?>("close");
        var v = new DataField<double>("volume");
        await WriteVendorAsync(path, new ParquetSchema(t, o, h, l, c, v),
            (t, new[] { "2024-01-02 09:30:00", "2024-01-02 09:45:00", "2024-01-02 10:00:00" }),
            (o, new[] { 1.0, 2.0, 3.0 }), (h, new[] { 1.0, 2.0, 3.0 }), (l, new[] { 1.0, 2.0, 3.0 }),
            (c, new double?[] { 1.0, null, 3.0 }), (v, new[] { 1.0, 2.0, 3.0 }));
        var ex = Assert.Throws<InputException>(() => BarParquet.Read(path));
        Assert.Equal($"{path}: row 2: close is missing or not finite", ex.Message);

        var r = BarParquet.Read(path, new BarFileOptions { BadRows = BadRowPolicy.Skip });
        Assert.Equal(2, r.Series.Count);
        Assert.Equal(3, r.RowsRead);
        Assert.Equal(1, r.RowsSkipped);
        Assert.Equal([$"{path}: row 2: close is missing or not finite"], r.SkippedRowMessages);
        Assert.Equal([Utc.Ticks(2024, 1, 2, 14, 30), Utc.Ticks(2024, 1, 2, 15, 0)], r.Series.Time.ToArray());
        Assert.Equal([1.0, 3.0], r.Series.Close.ToArray());
    }

    [Fact]
    public async Task Read_VendorParquetMissingColumns_OneLineError()
    {
        string path = _dir.Combine("X_15min.parquet");
        var t = new DataField<long>("time");
        var c = new DataField<double>("close");
        await WriteVendorAsync(path, new ParquetSchema(t, c), (t, new[] { 1719841500L }), (c, new[] { 1.0 }));
        var ex = Assert.Throws<InputException>(() => BarParquet.Read(path));
        Assert.Equal($"{path}: missing columns open, high, low, volume; found [time,close]; expected timestamp (or date and time), open, high, low, close, volume; optional vwap, trade_count", ex.Message);
    }

    [Fact]
    public void Read_NotParquet_ThrowsInputException()
    {
        string path = _dir.WriteBytes("X.parquet", "PAR1 but not really a parquet file at all"u8.ToArray());
        var ex = Assert.Throws<InputException>(() => BarParquet.Read(path));
        Assert.StartsWith($"{path}: cannot read as Parquet", ex.Message, StringComparison.Ordinal);
    }
}
