// Styles of Mantine's overlays (menus, dialogs, suggestion lists), in their order of dependence:
// imported by the deferred parts that use them, so they come with those chunks, not the first paint.
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/Menu.css';
import '@mantine/core/styles/Modal.css';
