using AlphaTrade.Models.Data;
using AlphaTrade.Models.Registry;
using AlphaTrade.Models.Tuning;
using AlphaTrade.Models.Validation;

namespace AlphaTrade.Models.Training;

/// <summary>What <see cref="TrainingRun.Run"/> does: tune (optional), evaluate out of sample, fit on everything, register.</summary>
public sealed record TrainRequest
{
    /// <summary>The labelled feature matrix.</summary>
    public required Dataset Data { get; init; }

    /// <summary>The model to train (its parameters are the starting point of tuning).</summary>
    public required ModelSpec Spec { get; init; }

    /// <summary>Out-of-sample validation scheme.</summary>
    public required ISplitter Splitter { get; init; }

    /// <summary>Registry name of the model.</summary>
    public required string Name { get; init; }

    /// <summary>Label description (e.g. "direction:4").</summary>
    public string Label { get; init; } = string.Empty;

    /// <summary>Registration time (UTC), from the host's clock.</summary>
    public required DateTime Created { get; init; }

    /// <summary>Tuning trials (0 = no tuning).</summary>
    public int TuneTrials { get; init; }

    /// <summary>"tpe" or "halving".</summary>
    public string Tuner { get; init; } = "tpe";

    /// <summary>Search space (null = the kind's default).</summary>
    public SearchSpace? Space { get; init; }

    /// <summary>Where the study is saved and resumed from (null = not saved).</summary>
    public string? StudyPath { get; init; }

    /// <summary>
    /// Called with the out-of-sample evaluation before the model is registered; what it returns is recorded (the host
    /// adds per-fold trading backtest metrics here). Null keeps the evaluation as it is.
    /// </summary>
    public Func<EvaluationResult, EvaluationResult>? AugmentEvaluation { get; init; }

    /// <summary>The feature set the matrix came from ("name@definition-hash"), recorded with the model; null for none.</summary>
    public string? FeatureSet { get; init; }

    /// <summary>Trials evaluated at once.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>The result of a training run.</summary>
public sealed record TrainOutcome(EvaluationResult Evaluation, ModelMetadata Model, Study? Study, ModelSpec FinalSpec);

/// <summary>Tune, evaluate walk-forward, fit the final model on all rows and register it with full metadata.</summary>
public static class TrainingRun
{
    /// <summary>Runs the request; <paramref name="log"/> receives progress lines.</summary>
    public static TrainOutcome Run(TrainRequest request, ModelRegistry registry, Action<string>? log = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(registry);
        var spec = request.Spec;
        Study? study = null;
        if (request.TuneTrials > 0)
        {
            var space = request.Space ?? SearchSpace.Default(spec.Kind);
            var fresh = new Study
            {
                Name = request.Name, Sampler = request.Tuner, Space = space.ToString(), Seed = spec.Seed, Parallelism = Math.Max(1, request.Parallelism),
                Objective = $"walk-forward {(spec.Task == ModelTask.Classification ? "mean AUC" : "mean rank IC")} of {spec.Kind}, {request.Splitter.Describe()}",
            };
            study = request.StudyPath is null ? fresh : Study.LoadOrCreate(request.StudyPath, fresh);
            var objective = new WalkForwardObjective(request.Data, request.Splitter, spec with { Threads = study.Parallelism > 1 ? 1 : spec.Threads });
            log?.Invoke($"Tuning {spec.Kind}: {request.TuneTrials} {request.Tuner} trials over {space}, {study.Trials.Count} already in the study");
            study = request.Tuner == "halving"
                ? SuccessiveHalving.Optimize(study, space, objective.Evaluate, request.TuneTrials, 3, request.StudyPath, cancel)
                : TpeOptimizer.Optimize(study, space, objective.Evaluate, request.TuneTrials, request.StudyPath, cancel: cancel);
            if (study.Best is { } best)
            {
                var p = new Dictionary<string, double>(spec.Parameters);
                foreach (var (k, v) in best.Parameters)
                {
                    p[k] = v;
                }

                spec = spec with { Parameters = p };
                log?.Invoke($"Best trial {best.Number}: score {best.Value:F4}");
            }
        }

        var evaluation = WalkForwardEvaluator.Evaluate(request.Data, request.Splitter, spec, cancel);
        if (request.AugmentEvaluation is { } augment)
        {
            evaluation = augment(evaluation);
        }

        using var model = ModelFactory.Create(spec);
        model.Fit(request.Data);
        var data = request.Data;
        var metadata = registry.Register(model, new ModelMetadata
        {
            Name = request.Name,
            Kind = spec.Kind,
            Task = spec.Task,
            Label = request.Label,
            Created = request.Created,
            TrainingStart = new DateTime(data.Timestamps[0], DateTimeKind.Utc),
            TrainingEnd = new DateTime(data.Timestamps[^1], DateTimeKind.Utc),
            Features = data.FeatureNames,
            FeatureSetHash = data.FeatureSetHash(),
            FeatureSet = request.FeatureSet,
            DataFingerprint = data.Fingerprint(),
            Parameters = spec.Parameters,
            Seed = spec.Seed,
            Validation = request.Splitter.Describe(),
            FoldMetrics = evaluation.Folds,
            LibraryVersions = ModelRegistry.LibraryVersions(),
            ParentStudy = study is null ? null : request.StudyPath ?? study.Name,
        });
        return new TrainOutcome(evaluation, metadata, study, spec);
    }
}
