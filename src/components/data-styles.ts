// Styles of Mantine's tables, slider and the rest of the results and evaluation views: imported
// by the parts that use them, so they come with those chunks, not the first paint.
import '@mantine/core/styles/Accordion.css';
import '@mantine/core/styles/Code.css';
import '@mantine/core/styles/Kbd.css';
import '@mantine/core/styles/Slider.css';
import '@mantine/core/styles/Table.css';
