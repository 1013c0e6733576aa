namespace Srdi.Web.Hosting;

/// <summary>Settings of the HTTP host, bound from the configuration section <see cref="Section"/>
/// (appsettings "SrdiWeb": { … }, or environment variables SrdiWeb__…).</summary>
public sealed class SrdiWebOptions
{
    public const string Section = "SrdiWeb";

    /// <summary>The largest request body accepted, in bytes (default 1 MiB: a profile is a few
    /// kilobytes). A larger body is refused with 413 before it is read.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
