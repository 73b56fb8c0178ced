using System.Globalization;
using System.Text.Json;

namespace AlphaTrade.Data.Sample;

/// <summary>Serialises a sample market's options, model and ground truth as indented JSON (stable field order).</summary>
internal static class GroundTruthJson
{
    public static void Write(Stream stream, SampleMarket market)
    {
        var o = market.Options;
        var t = market.Truth;
        var m = o.Model;
        var stamps = new IsoTimestamp(market.Calendar);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("generator", "AlphaTrade sample market");
        w.WriteNumber("seed", t.Seed);
        w.WriteString("calendar", market.Calendar.Name);

        w.WriteStartObject("options");
        w.WriteString("start", Date(o.Start));
        w.WriteString("end", Date(o.End));
        w.WriteString("timeFrame", o.TimeFrame.ToString());
        w.WriteString("benchmark", o.Benchmark);
        w.WriteBoolean("faults", o.Faults);
        w.WriteBoolean("plantCrash", o.PlantCrash);
        w.WriteNumber("tradingDays", t.Regimes.Count);
        w.WriteNumber("barsPerSymbol", market.CleanSeries[0].Count);
        w.WriteEndObject();

        WriteModel(w, m);

        w.WriteStartArray("sectors");
        foreach (var s in t.Sectors)
        {
            w.WriteStartObject();
            w.WriteString("sector", s.Sector);
            w.WriteNumber("dailyVol", s.DailyVol);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("symbols");
        foreach (var s in t.Symbols)
        {
            w.WriteStartObject();
            w.WriteString("symbol", s.Symbol);
            w.WriteString("sector", s.Sector);
            w.WriteNumber("startPrice", s.StartPrice);
            w.WriteNumber("marketBeta", s.MarketBeta);
            w.WriteNumber("sectorBeta", s.SectorBeta);
            w.WriteNumber("idiosyncraticDailyVol", s.IdiosyncraticDailyVol);
            w.WriteNumber("annualAlpha", s.AnnualAlpha);
            w.WriteNumber("averageDailyVolume", s.AverageDailyVolume);
            if (s.PairedWith is null)
            {
                w.WriteNull("pairedWith");
            }
            else
            {
                w.WriteString("pairedWith", s.PairedWith);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("regimes");
        foreach (var r in t.Regimes)
        {
            w.WriteStartObject();
            w.WriteString("date", Date(r.Date));
            w.WriteString("regime", Name(r.Regime.ToString()));
            w.WriteEndObject();
        }

        w.WriteEndArray();

        if (t.Crash is null)
        {
            w.WriteNull("crash");
        }
        else
        {
            var c = t.Crash;
            w.WriteStartObject("crash");
            w.WriteString("startDate", Date(c.StartDate));
            w.WriteString("worstDate", Date(c.WorstDate));
            w.WriteString("endDate", Date(c.EndDate));
            WriteNumbers(w, "plannedDailyLogReturns", c.PlannedDailyLogReturns);
            w.WriteNumber("plannedDepth", c.PlannedDepth);
            w.WriteNumber("benchmarkDepth", c.BenchmarkDepth);
            w.WriteNumber("benchmarkWorstDayReturn", c.BenchmarkWorstDayReturn);
            w.WriteNumber("benchmarkWorstIntradayDrop", c.BenchmarkWorstIntradayDrop);
            w.WriteEndObject();
        }

        w.WriteStartArray("pairs");
        foreach (var p in t.Pairs)
        {
            w.WriteStartObject();
            w.WriteString("sector", p.Sector);
            w.WriteString("symbolA", p.SymbolA);
            w.WriteString("symbolB", p.SymbolB);
            w.WriteNumber("hedgeRatio", p.HedgeRatio);
            w.WriteNumber("halfLifeDays", p.HalfLifeDays);
            w.WriteNumber("halfLifeBars", p.HalfLifeBars);
            w.WriteNumber("spreadSd", p.SpreadSd);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("jumps");
        foreach (var j in t.Jumps)
        {
            w.WriteStartObject();
            w.WriteString("symbol", j.Symbol);
            w.WriteString("time", stamps.Format(j.TimeUtc.Ticks));
            w.WriteString("timeUtc", Utc(j.TimeUtc));
            w.WriteNumber("logSize", j.LogSize);
            w.WriteBoolean("overnight", j.Overnight);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("faults");
        foreach (var f in t.Faults)
        {
            w.WriteStartObject();
            w.WriteString("symbol", f.Symbol);
            w.WriteString("kind", Name(f.Kind.ToString()));
            w.WriteString("time", stamps.Format(f.TimeUtc.Ticks));
            w.WriteString("timeUtc", Utc(f.TimeUtc));
            w.WriteNumber("count", f.Count);
            w.WriteNumber("value", f.Value);
            w.WriteString("detail", f.Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    private static void WriteModel(Utf8JsonWriter w, SampleModel m)
    {
        w.WriteStartObject("model");
        w.WriteNumber("studentTDegreesOfFreedom", m.StudentTDegreesOfFreedom);
        w.WriteNumber("overnightVarianceShare", m.OvernightVarianceShare);
        Garch(w, "marketGarch", m.MarketGarch, true);
        Garch(w, "sectorGarch", m.SectorGarch, false);
        Garch(w, "idiosyncraticGarch", m.IdiosyncraticGarch, false);
        Regime(w, "bull", m.Bull);
        Regime(w, "bear", m.Bear);
        Regime(w, "sideways", m.Sideways);
        w.WriteNumber("bullToBear", m.BullToBear);
        w.WriteNumber("bearToBull", m.BearToBull);
        w.WriteNumber("sidewaysToBull", m.SidewaysToBull);
        w.WriteNumber("openVolBoost", m.OpenVolBoost);
        w.WriteNumber("closeVolBoost", m.CloseVolBoost);
        w.WriteNumber("volShapeMinutes", m.VolShapeMinutes);
        w.WriteNumber("openVolumeBoost", m.OpenVolumeBoost);
        w.WriteNumber("closeVolumeBoost", m.CloseVolumeBoost);
        w.WriteNumber("volumeShapeMinutes", m.VolumeShapeMinutes);
        w.WriteNumber("dailyVolumeNoise", m.DailyVolumeNoise);
        w.WriteNumber("barVolumeNoise", m.BarVolumeNoise);
        w.WriteNumber("volumeVolElasticity", m.VolumeVolElasticity);
        w.WriteNumber("jumpsPerYear", m.JumpsPerYear);
        w.WriteNumber("jumpMeanAbsSize", m.JumpMeanAbsSize);
        w.WriteNumber("jumpSizeSd", m.JumpSizeSd);
        w.WriteNumber("jumpDownProbability", m.JumpDownProbability);
        w.WriteNumber("overnightJumpShare", m.OvernightJumpShare);
        w.WriteNumber("annualAlphaSd", m.AnnualAlphaSd);
        Range(w, "sectorBetaRange", m.SectorBetaRange);
        WriteNumbers(w, "crashDailyLogReturns", m.CrashDailyLogReturns);
        Range(w, "crashPosition", m.CrashPosition);
        w.WriteNumber("crashVolMultiplier", m.CrashVolMultiplier);
        w.WriteNumber("postCrashVolBoost", m.PostCrashVolBoost);
        w.WriteNumber("crashVolDecayDays", m.CrashVolDecayDays);
        w.WriteNumber("crashGapShare", m.CrashGapShare);
        w.WriteNumber("pairCount", m.PairCount);
        Range(w, "pairHalfLifeDays", m.PairHalfLifeDays);
        Range(w, "pairSpreadSd", m.PairSpreadSd);
        w.WriteNumber("benchmarkTrackingVol", m.BenchmarkTrackingVol);
        w.WriteEndObject();
    }

    private static void Garch(Utf8JsonWriter w, string name, SampleGarchSpec g, bool withVol)
    {
        w.WriteStartObject(name);
        if (withVol)
        {
            w.WriteNumber("dailyVol", g.DailyVol);
        }

        w.WriteNumber("alpha", g.Alpha);
        w.WriteNumber("beta", g.Beta);
        w.WriteEndObject();
    }

    private static void Regime(Utf8JsonWriter w, string name, SampleRegimeSpec r)
    {
        w.WriteStartObject(name);
        w.WriteNumber("annualDrift", r.AnnualDrift);
        w.WriteNumber("marketVolMultiplier", r.MarketVolMultiplier);
        w.WriteNumber("idiosyncraticVolMultiplier", r.IdiosyncraticVolMultiplier);
        w.WriteNumber("expectedDurationDays", r.ExpectedDurationDays);
        w.WriteEndObject();
    }

    private static void Range(Utf8JsonWriter w, string name, (double Min, double Max) r)
    {
        w.WriteStartObject(name);
        w.WriteNumber("min", r.Min);
        w.WriteNumber("max", r.Max);
        w.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Utc(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Name(string pascal) => JsonNamingPolicy.CamelCase.ConvertName(pascal);
}
