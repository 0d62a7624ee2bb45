// Ledger charts with ECharts (installed from npm, served locally). Data come from json_script elements.
(function () {
  function data(id) {
    const el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  const colours = { green: "#52c41a", yellow: "#faad14", red: "#f5222d", grey: "#bfbfbf" };
  const program = data("chart-data");
  if (program && window.echarts) {
    const progress = echarts.init(document.getElementById("chart-progress"));
    progress.setOption({
      title: { text: program.titles.progress, textStyle: { fontSize: 14 } },
      tooltip: {}, grid: { left: 120 },
      xAxis: { type: "value", max: 100 }, yAxis: { type: "category", data: program.units },
      series: [{ type: "bar", data: program.progress, itemStyle: { color: "#8b1a1a" } }],
    });
    const lights = echarts.init(document.getElementById("chart-lights"));
    lights.setOption({
      title: { text: program.titles.lights, textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" }, legend: { bottom: 0 },
      xAxis: { type: "category", data: program.months }, yAxis: { type: "value" },
      series: Object.keys(colours).map((k) => ({
        name: program.labels[k], type: "bar", stack: "lights", data: program.lights[k], itemStyle: { color: colours[k] },
      })),
    });
  }
  const project = data("project-chart-data");
  if (project && window.echarts && document.getElementById("project-chart")) {
    const chart = echarts.init(document.getElementById("project-chart"));
    chart.setOption({
      tooltip: { trigger: "axis" }, legend: { data: [project.labels.plan, project.labels.actual] },
      xAxis: { type: "category", data: project.months }, yAxis: { type: "value", max: 100 },
      series: [
        { name: project.labels.plan, type: "line", data: project.plan, connectNulls: true, lineStyle: { type: "dashed" } },
        { name: project.labels.actual, type: "line", data: project.actual, connectNulls: true },
      ],
    });
  }
})();
