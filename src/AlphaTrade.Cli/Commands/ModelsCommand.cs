using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AlphaTrade.Core;
using AlphaTrade.Models.Registry;

namespace AlphaTrade.Cli.Commands;

/// <summary><c>alphatrade models</c>: the model registry (list, show, promote, compare).</summary>
internal static class ModelsCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly string[] KeyMetrics = ["auc", "log_loss", "accuracy", "rmse", "rank_ic", "rank_ic_ir", "long_short"];

    public static Command Create(CliContext ctx)
    {
        var cmd = new Command("models", "The model registry under models/: versions, stages (candidate, staging, production, archived) and their out-of-sample metrics.");
        cmd.Subcommands.Add(List(ctx));
        cmd.Subcommands.Add(Show(ctx));
        cmd.Subcommands.Add(Promote(ctx));
        cmd.Subcommands.Add(Compare(ctx));
        return cmd;
    }

    private static ModelRegistry Registry(CliContext ctx) => new(ctx.Resolve("models"));

    private static Command List(CliContext ctx)
    {
        var name = new Argument<string?>("name") { Description = "Only this model's versions.", Arity = ArgumentArity.ZeroOrOne };
        var cmd = new Command("list", "Every registered model version with its stage, training window and mean walk-forward metrics.") { name };
        cmd.SetAction(parse =>
        {
            var all = Registry(ctx).List(parse.GetValue(name));
            if (all.Count == 0)
            {
                ctx.Notice($"No models registered in {ctx.Display(Registry(ctx).Root)}; train one with 'alphatrade train'.");
                return CliApp.ExitOk;
            }

            TextTable.Write(ctx.Out, ["model", "kind", "stage", "created", "trained on", "auc", "rank_ic", "long_short"], all.Select(m =>
            {
                var mean = m.MeanMetrics();
                return (IReadOnlyList<string>)[m.Id, m.Kind, Stage(m.Stage), Date(m.Created), $"{Date(m.TrainingStart)}..{Date(m.TrainingEnd)}", Num(mean, "auc"), Num(mean, "rank_ic"), Num(mean, "long_short")];
            }));
            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static Command Show(CliContext ctx)
    {
        var model = new Argument<string>("model") { Description = "name, name:VERSION or name@STAGE." };
        var json = new Option<bool>("--json") { Description = "Print the full metadata as JSON." };
        var cmd = new Command("show", "One model version: metadata, parameters, library versions and per-fold metrics.") { model, json };
        cmd.SetAction(parse =>
        {
            var m = Registry(ctx).Get(parse.GetValue(model)!);
            if (parse.GetValue(json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(m, Json));
                return CliApp.ExitOk;
            }

            var o = ctx.Out;
            o.WriteLine($"{m.Id}  {m.Kind} {m.Task.ToString().ToLowerInvariant()}  stage {Stage(m.Stage)}");
            o.WriteLine($"created        {m.Created.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC");
            o.WriteLine($"label          {m.Label}");
            o.WriteLine($"trained on     {Date(m.TrainingStart)} .. {Date(m.TrainingEnd)}");
            o.WriteLine($"features       {m.Features.Count} (set {m.FeatureSetHash}): {string.Join(", ", m.Features.Take(12))}{(m.Features.Count > 12 ? ", ..." : string.Empty)}");
            o.WriteLine($"data           {m.DataFingerprint}");
            o.WriteLine($"parameters     {string.Join(", ", m.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value.ToString("G6", CultureInfo.InvariantCulture)))}; seed {m.Seed}");
            o.WriteLine($"libraries      {string.Join(", ", m.LibraryVersions.Select(l => l.Key + " " + l.Value))}");
            o.WriteLine($"study          {m.ParentStudy ?? "-"}");
            o.WriteLine($"validation     {m.Validation}");
            WriteFolds(o, m);
            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static Command Promote(CliContext ctx)
    {
        var model = new Argument<string>("model") { Description = "name:VERSION (or name for the latest)." };
        var stage = new Option<string>("--stage") { Description = "candidate, staging, production or archived.", DefaultValueFactory = _ => "staging" };
        var cmd = new Command("promote", "Move a version to a stage; promoting to production archives the previous production version.") { model, stage };
        cmd.SetAction(parse =>
        {
            var s = parse.GetValue(stage)!;
            if (!Enum.TryParse<ModelStage>(s, true, out var target) || int.TryParse(s, out _))
            {
                throw new InputException($"--stage: '{s}' is not a stage; expected candidate, staging, production or archived");
            }

            var m = Registry(ctx).Promote(parse.GetValue(model)!, target);
            ctx.Out.WriteLine($"{m.Id} is now {Stage(m.Stage)}");
            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static Command Compare(CliContext ctx)
    {
        var models = new Argument<string[]>("models") { Description = "Two or more of name, name:VERSION, name@STAGE.", Arity = new ArgumentArity(2, 20) };
        var cmd = new Command("compare", "Mean walk-forward metrics of model versions side by side.") { models };
        cmd.SetAction(parse =>
        {
            var registry = Registry(ctx);
            var ms = parse.GetValue(models)!.Select(registry.Get).ToList();
            if (ms.Select(m => m.Validation).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                ctx.Notice("Note: the models were validated differently; compare with care.");
            }

            var means = ms.Select(m => m.MeanMetrics()).ToList();
            var metrics = KeyMetrics.Where(k => means.Any(d => d.ContainsKey(k))).ToList();
            TextTable.Write(ctx.Out, ["metric", .. ms.Select(m => m.Id)], metrics.Select(k => (IReadOnlyList<string>)[k, .. means.Select(d => Num(d, k))])
                .Append(["kind", .. ms.Select(m => m.Kind)]).Append(["stage", .. ms.Select(m => Stage(m.Stage))]).Append(["folds", .. ms.Select(m => m.FoldMetrics.Count.ToString(CultureInfo.InvariantCulture))]));
            return CliApp.ExitOk;
        });
        return cmd;
    }

    /// <summary>Per-fold metrics table plus the mean row.</summary>
    public static void WriteFolds(TextWriter o, ModelMetadata m)
    {
        var metrics = KeyMetrics.Where(k => m.FoldMetrics.Any(f => f.Metrics.ContainsKey(k))).ToList();
        var rows = m.FoldMetrics.Select(f => (IReadOnlyList<string>)[
            f.Fold.ToString(CultureInfo.InvariantCulture), $"{Date(new DateTime(f.TestStart, DateTimeKind.Utc))}..{Date(new DateTime(f.TestEnd, DateTimeKind.Utc))}",
            f.TrainRows.ToString(CultureInfo.InvariantCulture), f.TestRows.ToString(CultureInfo.InvariantCulture), .. metrics.Select(k => Num(f.Metrics, k))]).ToList();
        var mean = m.MeanMetrics();
        rows.Add(["mean", "", "", "", .. metrics.Select(k => Num(mean, k))]);
        TextTable.Write(o, ["fold", "test period", "train", "test", .. metrics], rows);
    }

    private static string Num(IReadOnlyDictionary<string, double> d, string k) =>
        d.TryGetValue(k, out var v) && !double.IsNaN(v) ? v.ToString(k == "long_short" ? "F5" : "F4", CultureInfo.InvariantCulture) : "-";

    private static string Date(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stage(ModelStage s) => s.ToString().ToLowerInvariant();
}
