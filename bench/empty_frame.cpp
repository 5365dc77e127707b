// The yardstick for Pas à Pas' start-up: the smallest wx program that shows a frame, built
// with the same compiler, flags and wx as the app. With --bench-ready it behaves like the
// app: prints PASAPAS_READY once its frame is painted and the event loop is idle, and exits.
#include <wx/app.h>
#include <wx/frame.h>

#include <cstdio>
#include <cstring>

namespace {

class EmptyFrame : public wxFrame {
public:
    explicit EmptyFrame(bool report_ready) : wxFrame(nullptr, wxID_ANY, "Empty frame") {
        SetSize(wxSize(1024, 768));
        if (!report_ready) {
            return;
        }
        Bind(wxEVT_PAINT, [this](wxPaintEvent& event) {
            painted_ = true;
            event.Skip();
        });
        Bind(wxEVT_IDLE, [this](wxIdleEvent& event) {
            if (painted_ && !reported_) {
                reported_ = true;
                std::fputs("PASAPAS_READY\n", stdout);
                std::fflush(stdout);
                wxTheApp->ExitMainLoop();
            }
            event.Skip();
        });
    }

private:
    bool painted_ = false;
    bool reported_ = false;
};

class EmptyApp : public wxApp {
public:
    bool OnInit() override {
        bool report_ready = false;
        for (int i = 1; i < argc; ++i) {
            report_ready = report_ready || argv[i] == "--bench-ready";
        }
        auto* frame = new EmptyFrame(report_ready);
        frame->Centre();
        frame->Show();
        return true;
    }
};

}  // namespace

wxIMPLEMENT_APP(EmptyApp);
