using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.IO;
using AlphaTrade.Data.Universe;
using AlphaTrade.Features;
using AlphaTrade.Features.Alternative;
using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Reporting;
using AlphaTrade.Features.Selection;
using AlphaTrade.Features.Storage;

namespace AlphaTrade.Cli.Commands;

/// <summary><c>alphatrade features</c>: build, list and select features of a feature set.</summary>
internal static class FeaturesCommand
{
    private const string DefaultSet = "default";

    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("features", "Feature pipeline: build the point-in-time feature matrix of a feature set (config/features/NAME.yaml), list its features, select among them.");
        cmd.Subcommands.Add(Build(ctx));
        cmd.Subcommands.Add(List(ctx));
        cmd.Subcommands.Add(Select(ctx));
        cmd.Subcommands.Add(AltSample(ctx));
        return cmd;
    }

    private static Option<string?> SetOption() => new("--set") { Description = "Feature set: config/features/NAME.yaml (default: default)." };

    private static Command Build(CliContext ctx)
    {
        var set = SetOption();
        var output = new Option<string?>("--out") { Description = "Output folder (default results/features/SET)." };
        var precision = new Option<string?>("--precision") { Description = "Stored precision: float32 (default) or float64." };
        var noCache = new Option<bool>("--no-cache") { Description = "Compute even when a cached matrix for the same data and set exists (and do not cache)." };
        var cmd = new Command(
            "build",
            "Compute every feature and label of the set for the configured universe (the sample market when data/raw has none), in parallel, " +
            "cached as Parquet by data fingerprint and set hash. Writes features.parquet (symbol, time, features, labels) and a feature report " +
            "(feature_report.json and .md: coverage, NaN share, distributions, correlation clusters, mutual information with a forward return).")
        {
            set, output, precision, noCache,
        };
        cmd.SetAction(parse =>
        {
            var sw = Stopwatch.StartNew();
            string name = parse.GetValue(set) ?? DefaultSet;
            var p = parse.GetValue(precision) switch
            {
                null or "float32" => FeaturePrecision.Float32,
                "float64" => FeaturePrecision.Float64,
                var other => throw new InputException($"--precision: '{other}' is not allowed; expected float32 or float64"),
            };
            var (plan, universe) = Prepare(ctx, name);
            var options = new FeatureBuildOptions { Precision = p };
            var builder = new FeatureBuilder(plan, NyseCalendar.Instance);
            string cacheDir = ctx.Resolve(Path.Combine(ctx.Config.Settings.Data.ProcessedDir, "features"));
            var cache = new FeatureCache(cacheDir);
            bool hit = false;
            var matrix = parse.GetValue(noCache) || !ctx.Config.Settings.Data.Cache
                ? builder.Build(universe, options)
                : cache.GetOrBuild(plan, universe, builder, options, out hit);
            double computeSeconds = sw.Elapsed.TotalSeconds;

            string outDir = ctx.Resolve(parse.GetValue(output) ?? Path.Combine(ctx.Config.Settings.Backtest.ResultsDir, "features", name));
            string matrixPath = Path.Combine(outDir, "features.parquet");
            string cached = cache.PathFor(plan.Definition.Name, plan.Definition.Hash, matrix.DataFingerprint, p, options.Labels);
            if (File.Exists(cached) && !parse.GetValue(noCache))
            {
                AtomicFile.Write(matrixPath, stream =>
                {
                    using var src = File.OpenRead(cached);
                    src.CopyTo(stream);
                });
            }
            else
            {
                FeatureParquet.Write(matrix, matrixPath);
            }

            var report = FeatureReportBuilder.Build(matrix);
            ReportWriters.WriteJson(report, Path.Combine(outDir, "feature_report.json"));
            ReportWriters.WriteMarkdown(report, Path.Combine(outDir, "feature_report.md"));
            double meanCoverage = report.Columns.Average(c => c.Coverage);
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Feature set {plan.Definition.Name} ({plan.Definition.Hash}): {matrix.Features.Count} features and {matrix.Labels.Count} labels for {matrix.Frames.Count} symbols, " +
                $"{matrix.Rows:N0} rows, {(hit ? "read from the cache" : "computed")} in {computeSeconds:F2} s ({p.ToString().ToLowerInvariant()})."));
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Mean coverage {meanCoverage * 100:F1}%; lowest {report.Columns.Min(c => c.Coverage) * 100:F1}% ({report.Columns.MinBy(c => c.Coverage)!.Name}); " +
                $"{report.Clusters.Count} correlation clusters at |r| >= {report.ClusterThreshold:0.##}."));
            ctx.Out.WriteLine($"Wrote {ctx.Display(matrixPath)}, feature_report.json and feature_report.md in {ctx.Display(outDir)}");
            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static Command List(CliContext ctx)
    {
        var set = SetOption();
        var cmd = new Command("list", "List the features and labels of a feature set: name, family, stage (symbol or universe) and what each measures.") { set };
        cmd.SetAction(parse =>
        {
            string name = parse.GetValue(set) ?? DefaultSet;
            var definition = FeatureSetYaml.LoadNamed(ctx.RootDirectory, name);
            var plan = FeaturePlan.Compile(definition);
            TextTable.Write(ctx.Out, ["#", "feature", "family", "stage", "description"],
                plan.Features.Select((f, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), f.Name, f.Family, f.Stage == FeatureStage.Symbol ? "symbol" : "universe", f.Description]));
            ctx.Out.WriteLine();
            TextTable.Write(ctx.Out, ["label", "kind", "description"], plan.Labels.Select(l => (IReadOnlyList<string>)[l.Name, l.Kind, l.Description]));
            ctx.Out.WriteLine();
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{plan.Features.Count} features in {plan.Features.Select(f => f.Family).Distinct().Count()} families ({plan.SymbolFeatureCount} per symbol, {plan.UniverseFeatureCount} across the universe) and {plan.Labels.Count} labels; set {definition.Name}, hash {definition.Hash}."));
            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static Command Select(CliContext ctx)
    {
        var set = SetOption();
        var label = new Option<string?>("--label") { Description = "Label to select for (default: the set's first forward-sign, else forward-return label)." };
        var folds = new Option<int?>("--folds") { Description = "Walk-forward folds (default 5)." };
        var purge = new Option<int?>("--purge-bars") { Description = "Training rows this many bars before each validation block are purged (default 26: the default label horizon)." };
        var output = new Option<string?>("--out") { Description = "Output folder (default results/features/SET)." };
        var cmd = new Command(
            "select",
            "Feature selection on the set's matrix: drop low-coverage, near-constant and highly correlated features, rank the rest by mutual information " +
            "and walk-forward permutation importance (ridge model, purged folds), report the stability across folds. Writes selection.json and selection.md.")
        {
            set, label, folds, purge, output,
        };
        cmd.SetAction(parse =>
        {
            var sw = Stopwatch.StartNew();
            string name = parse.GetValue(set) ?? DefaultSet;
            var (plan, universe) = Prepare(ctx, name);
            var builder = new FeatureBuilder(plan, NyseCalendar.Instance);
            var cache = new FeatureCache(ctx.Resolve(Path.Combine(ctx.Config.Settings.Data.ProcessedDir, "features")));
            var matrix = ctx.Config.Settings.Data.Cache
                ? cache.GetOrBuild(plan, universe, builder, new FeatureBuildOptions(), out _)
                : builder.Build(universe, new FeatureBuildOptions());
            string target = parse.GetValue(label)
                ?? matrix.Labels.FirstOrDefault(l => l.Kind == "forward_sign")?.Name
                ?? matrix.Labels.FirstOrDefault(l => l.Kind == "forward_return")?.Name
                ?? throw new InputException($"--label: the set {name} defines no labels; add a forward_return or forward_sign label to config/features/{name}.yaml");
            int k = parse.GetValue(folds) ?? 5;
            if (k < 1 || k > 50)
            {
                throw new InputException($"--folds: {k} is outside [1, 50]");
            }

            var report = FeatureSelector.Select(matrix, new FeatureSelectionOptions { Label = target, Folds = k, PurgeBars = parse.GetValue(purge) ?? 26 });
            string outDir = ctx.Resolve(parse.GetValue(output) ?? Path.Combine(ctx.Config.Settings.Backtest.ResultsDir, "features", name));
            ReportWriters.WriteJson(report, Path.Combine(outDir, "selection.json"));
            ReportWriters.WriteMarkdown(report, Path.Combine(outDir, "selection.md"));
            var reasons = report.Features.Where(f => !f.Kept).GroupBy(f => f.Reason.Split(':', 2)[1].Trim().Split(' ', 2)[0].TrimEnd(','))
                .Select(g => $"{g.Count()} {g.Key}");
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Selection for {target}: kept {report.Kept.Count} of {report.Features.Count} features (dropped: {string.Join(", ", reasons.DefaultIfEmpty("none"))}); " +
                $"{report.Rows:N0} sampled rows, {report.Folds} walk-forward folds, out-of-sample R² {string.Join(" ", report.FoldValidationR2.Select(r => r.ToString("F4", CultureInfo.InvariantCulture)))}, " +
                $"importance rank stability {report.FoldRankStability:F2}; {sw.Elapsed.TotalSeconds:F1} s."));
            TextTable.Write(ctx.Out, ["top feature", "family", "MI", "importance", "positive folds"],
                report.Features.Where(f => f.Kept && double.IsFinite(f.Importance)).OrderByDescending(f => f.Importance).Take(10)
                    .Select(f => (IReadOnlyList<string>)[f.Name, f.Family, f.MutualInformation.ToString("F4", CultureInfo.InvariantCulture),
                        f.Importance.ToString("+0.00000;-0.00000", CultureInfo.InvariantCulture), (f.PositiveFolds * 100).ToString("F0", CultureInfo.InvariantCulture) + "%"]));
            ctx.Out.WriteLine($"Wrote selection.json and selection.md in {ctx.Display(outDir)}");
            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static Command AltSample(CliContext ctx)
    {
        var output = new Option<string?>("--out") { Description = "Output folder (default data/alt)." };
        var seed = new Option<int?>("--seed") { Description = "Random seed (default: sample.seed)." };
        var cmd = new Command(
            "alt-sample",
            "Write SYNTHETIC sample alternative data for the configured universe and period (sentiment scores, economic indicators, implied " +
            "volatility and put/call ratios) with release timestamps, deterministically from the seed and the market data. Labelled synthetic in every file.")
        {
            output, seed,
        };
        cmd.SetAction(parse =>
        {
            var universe = LoadUniverse(ctx);
            int s = parse.GetValue(seed) ?? ctx.Config.Settings.Sample.Seed;
            string dir = ctx.Resolve(parse.GetValue(output) ?? "data/alt");
            var paths = SyntheticAltData.Write(SyntheticAltData.Generate(universe, NyseCalendar.Instance, s), dir, s);
            ctx.Out.WriteLine($"Wrote {paths.Count} SYNTHETIC alternative-data files to {ctx.Display(dir)}: {string.Join(", ", paths.Select(Path.GetFileName))}");
            return CliApp.ExitOk;
        });
        return cmd;
    }

    /// <summary>Loads the set, the market data and the set's alternative data (generating missing synthetic samples).</summary>
    private static (FeaturePlan Plan, FeatureUniverse Universe) Prepare(CliContext ctx, string name)
    {
        FeatureSetYaml.LoadNamed(ctx.RootDirectory, name); // an unknown or invalid set fails before any data is loaded
        var universe = LoadUniverse(ctx);
        return (CompilePlan(ctx, name, universe), universe);
    }

    /// <summary>Compiles the set <paramref name="name"/> with its alternative data (generating missing synthetic samples for <paramref name="universe"/>).</summary>
    internal static FeaturePlan CompilePlan(CliContext ctx, string name, FeatureUniverse universe)
    {
        var definition = FeatureSetYaml.LoadNamed(ctx.RootDirectory, name);
        var synthetic = definition.Families.OfType<AlternativeDataSpec>()
            .Select(a => ctx.Resolve(a.Source))
            .Where(p => !File.Exists(p) && SyntheticAltData.FileNames.Contains(Path.GetFileName(p)))
            .Select(Path.GetDirectoryName)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var dir in synthetic)
        {
            int seed = ctx.Config.Settings.Sample.Seed;
            SyntheticAltData.Write(SyntheticAltData.Generate(universe, NyseCalendar.Instance, seed), dir!, seed);
            ctx.Notice($"Generated the SYNTHETIC sample alternative data the set reads in {ctx.Display(dir!)} (seed {seed}); replace it with real files to use real data.");
        }

        var alt = AltDataLoader.Load(definition, ctx.RootDirectory);
        if (alt.AnySynthetic)
        {
            ctx.Notice("Alternative data marked SYNTHETIC is in use: " + string.Join(", ", alt.Series.Where(s => s.IsSynthetic).Select(s => s.Dataset).Distinct()) + ".");
        }

        return FeaturePlan.Compile(definition, alt);
    }

    private static FeatureUniverse LoadUniverse(CliContext ctx)
    {
        var data = new MarketDataService(NyseCalendar.Instance).Load(MarketDataFactory.Request(ctx));
        foreach (var n in data.Notices)
        {
            ctx.Notice(n);
        }

        if (data.Series.Count == 0)
        {
            throw new InputException("no market data for any symbol of the universe (config/symbols.yaml)");
        }

        var sectors = ctx.Config.Universe.Symbols.ToDictionary(s => s.Symbol, s => s.Sector, StringComparer.Ordinal);
        return new FeatureUniverse(data.Series, sectors, data.Benchmark);
    }
}
