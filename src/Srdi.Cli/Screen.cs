using Spectre.Console;
using Spectre.Console.Rendering;

namespace Srdi.Cli;

/// <summary>Renders Spectre widgets to any TextWriter, so that tests can read what a person sees.</summary>
internal static class Screen
{
    public static void Render(TextWriter output, IRenderable renderable)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        console.Write(renderable);
    }
}
