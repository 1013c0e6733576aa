using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Srdi.Application.Profiles;
using Srdi.Model.Profiles;
using Srdi.Web.Hosting;

namespace Srdi.Web.Apis;

/// <summary>Reads what a request gives at the edge: the evaluation date (today by the injected
/// clock when absent), yes/no flags, and the profile from the raw body text through the
/// <see cref="ProfileReader"/>, so that the API refuses exactly what the command line refuses.
/// Each reader returns the value, or the problem to answer with.</summary>
internal static class RequestInput
{
    public static ProblemHttpResult? Date(string? text, TimeProvider clock, out DateOnly at)
    {
        if (string.IsNullOrEmpty(text))
        {
            at = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            return null;
        }
        return Application.Text.IsoDate.TryParse(text, out at)
            ? null
            : Problems.Parameter("at", $"at 应为日期 YYYY-MM-DD（如 2025-06-01），实际为“{text}”");
    }

    public static ProblemHttpResult? Flag(string name, string? text, out bool value)
    {
        value = false;
        if (string.IsNullOrEmpty(text)) return null;
        if (bool.TryParse(text, out value)) return null;
        return Problems.Parameter(name, $"{name} 应为 true 或 false，实际为“{text}”");
    }

    /// <summary>The body as text, at most <paramref name="limit"/> bytes (BOM-aware UTF-8); null
    /// with a 413 problem when it is larger, whether its Content-Length says so or it runs over.</summary>
    public static async Task<(string? Text, ProblemHttpResult? Problem)> BodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return (null, Problems.TooLarge(limit));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit) return (null, Problems.TooLarge(limit));
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>The body's text, which should be a profile: a 413 problem when too large, a 400
    /// one at the root when empty. The profile itself is read by whoever takes the text.</summary>
    public static async Task<(string? Text, ProblemHttpResult? Problem)> ProfileTextAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var (text, tooLarge) = await BodyAsync(request, limit, cancellationToken).ConfigureAwait(false);
        if (tooLarge is not null) return (null, tooLarge);
        if (string.IsNullOrWhiteSpace(text))
            return (null, Problems.Profile(new ProfileException("$", "请求体为空：应为企业档案 JSON（格式见 docs/profile.md）")));
        return (text, null);
    }

    /// <summary>The profile in the body and the evaluation date, or the problem that refuses them.</summary>
    public static async Task<(EnterpriseProfile? Profile, DateOnly At, ProblemHttpResult? Problem)> ProfileAsync(
        HttpRequest request, string? atText, ProfileReader profiles, TimeProvider clock, long limit, CancellationToken cancellationToken)
    {
        if (Date(atText, clock, out var at) is { } badDate) return (null, at, badDate);
        var (text, problem) = await ProfileTextAsync(request, limit, cancellationToken).ConfigureAwait(false);
        if (problem is not null) return (null, at, problem);
        try
        {
            return (profiles.ReadText(text!), at, null);
        }
        catch (ProfileException e)
        {
            return (null, at, Problems.Profile(e));
        }
    }
}
